/**
 * `readability` judges body prose only by default (issue 19): titles,
 * subheads, captions, list items and quotations are not the writer's running
 * text. The same hard sentence from seed 000 (line 21) in each position: silent
 * by default, flagged with `bodyOnly: false`, in .txt, .md and .html.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtureLine, lint, only, root} from './helpers.js'

const hard =
  'The encounter was also attended by Pakistani Minister of Defense Khurram Dastgir; of Foreign Affairs, Khawaja Asif, ' +
  'and of the Interior Ahsan Iqbal, as well as the National Security Advisor, Nasser Khan Janjua, and the Director General ' +
  'of the Intelligence Service, Naveed Mukhtar'

const reason = 'Unexpected hard to read sentence, according to 5 out of 7 algorithms'

describe('readability on body prose only', () => {
  it('should skip the title, a caption, a list item and a quotation in plain text, and judge them with bodyOnly off', () => {
    const value = fs.readFileSync(path.join(root, 'tests/fixtures/readability/ok-furniture.txt'), 'utf8')
    expect(lint(value, only('readability')).messages).toEqual([])
    expect(lint(value, only('readability', {bodyOnly: false})).messages.map(fixtureLine)).toEqual([
      `1:1-1:280: ${reason}`,
      `3:1-3:280: ${reason}`,
      `5:1-5:283: ${reason}`,
      `7:1-7:302: ${reason}`
    ])
  })

  it('should judge the same sentence as body prose', () => {
    expect(lint(`Pakistan denies the charge.\n\n${hard}.\n`, only('readability')).messages.map(fixtureLine)).toEqual([`3:1-3:281: ${reason}`])
  })

  it('should skip Markdown headings, list items and image captions', () => {
    const value = `# ${hard}\n\n- ${hard}.\n\n![${hard}](photo.jpg)\n\n${hard}.\n`
    expect(lint(value, only('readability'), 'markdown', 'a.md').messages.map(fixtureLine)).toEqual([`7:1-7:281: ${reason}`])
    expect(lint(value, only('readability', {bodyOnly: false}), 'markdown', 'a.md').messages).toHaveLength(4)
  })

  it('should skip HTML headings, list items and figure captions', () => {
    const value = `<h1>${hard}</h1>\n<ul><li>${hard}.</li></ul>\n<figure><figcaption>${hard}</figcaption></figure>\n<p>${hard}.</p>\n`
    expect(lint(value, only('readability'), 'html', 'a.html').messages.map(fixtureLine)).toEqual([`4:4-4:284: ${reason}`])
    expect(lint(value, only('readability', {bodyOnly: false}), 'html', 'a.html').messages).toHaveLength(4)
  })
})
