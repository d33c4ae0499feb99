/** The word lists of rule `glued-words` (rules/data/glued-words.json) are clean data. */
import {describe, expect, it} from 'vitest'
import lists from '../../rules/data/glued-words.json' with {type: 'json'}

describe('rules/data/glued-words.json', () => {
  for (const [name, list] of Object.entries(lists)) {
    it(`should hold ${name} once each, sorted, without stray spaces`, () => {
      expect(list.length).toBeGreaterThan(0)
      expect(new Set(list).size).toBe(list.length)
      expect([...list].sort()).toEqual(list)
      for (const entry of list) expect(entry, entry).toMatch(/^\S+$/)
    })
  }

  it('should hold particles and domain endings in lower case', () => {
    for (const entry of [...lists.nameParticles, ...lists.domains]) expect(entry).toBe(entry.toLowerCase())
  })
})
