/**
 * number-consistency beyond its fixtures: the first statement as the cause,
 * and the same figure twice in other words accepted.
 */
import {describe, expect, it} from 'vitest'
import {lint, only} from './helpers.js'

const first = 'Saeed heads the UN-listed terrorist group Jamaat-ud-Dawa and has a $10 million United States bounty on his head.'
const later = 'The internationally recognised terrorist helped co-found the Jamaat-ud-Dawa group and has a $12 million bounty on his head.'

describe('number-consistency', () => {
  it('should point to the first statement as the cause', () => {
    const [message] = lint([first, later].join('\n\n'), only('number-consistency')).messages
    expect(message.reason).toBe('Unexpected `$12 million` for the bounty, stated as `$10 million` before, check which is right')
    const cause = message.cause as {place?: {start: {line: number; column: number}}} | undefined
    expect(cause?.place?.start).toMatchObject({line: 1, column: 68})
  })

  it('should accept the same value written another way', () => {
    expect(lint([first, later.replace('$12 million', '$10m')].join('\n\n'), only('number-consistency')).messages).toEqual([])
  })
})
