/**
 * One message per defect (issue 19, src/run/precedence.ts): a caption pasted
 * twice is `repeated-paragraph` on the copy and nothing else there; furniture
 * is `boilerplate` only; a `fragment` gets no `readability` message. The same
 * real excerpts (seed 004's Kuwait captions and its "Read more" line, a New
 * York Times notice line from the boilerplate fixtures) as .txt, .md and .html,
 * linted as the CLI lints them, with readability set back to retext-readability's
 * behaviour so that it would flag every one of these lines.
 */
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../src/config/resolve-config.js'
import {lintArticle} from '../src/run/lint.js'
import type {RuleSettings} from '../src/rule-api/define-rule.js'
import {fixtureLine} from './helpers.js'

const quote = 'When quizzed on if he would ‘prod’ Islamabad to take more action, he said: ‘That’s not the way I deal with issues.’'
const army = 'Kuwaiti Army Chief of Staff General Lieutenant Mohammad al-Khodhr (C-R) receiving US Defence Secretary Jim Mattis'
const minister =
  'Kuwaiti Foreign Minister Sheikh Sabah al-Khaled al-Sabah (right) shaking hands with US Defence Secretary Jim Mattis following a meeting in Kuwait City'
const notice = 'Follow The New York Times Opinion section on Facebook , Twitter (@NYTopinion) and Instagram .'
const blocks = [quote, army, army, minister, minister, notice, 'Read more at DailyMail.co.uk']

const everySentence: RuleSettings = {readability: ['info', {age: 16, threshold: 4 / 7, bodyOnly: false}]}

function linted(name: string, value: string, overrides: RuleSettings = everySentence): string[] {
  const config = resolveConfig({path: undefined, data: {rules: {}, people: {}, ignore: []}}, overrides)
  const file = lintArticle(name, name, {kind: 'text', value, bom: false}, config)
  return file.messages.map((message) => `${fixtureLine(message)} [${message.ruleId}]`)
}

/** The one message of each line after the first, at column `at` (past `<p>` in HTML). */
function expected(line: (index: number) => number, at: number, fragment: (start: string) => string): string[] {
  const end = (text: string) => at + text.length
  return [
    `${line(1)}:${at}-${line(1)}:${end(army)}: ${fragment('Kuwaiti Army Chief of Staff General Lieutenan…')} [fragment]`,
    `${line(2)}:${at}-${line(2)}:${end(army)}: Unexpected copy of the paragraph at line ${line(1)} (\`Kuwaiti Army Chief of Staff General…\`), remove it [repeated-paragraph]`,
    `${line(3)}:${at}-${line(3)}:${end(minister)}: ${fragment('Kuwaiti Foreign Minister Sheikh Sabah al-Khal…')} [fragment]`,
    `${line(4)}:${at}-${line(4)}:${end(minister)}: Unexpected copy of the paragraph at line ${line(3)} (\`Kuwaiti Foreign Minister Sheikh Sabah al-Khaled…\`), remove it [repeated-paragraph]`,
    `${line(5)}:${at}-${line(5)}:${end(notice)}: Unexpected site furniture \`Follow The New York Times Opinion section on Facebook…\`: a social follow prompt, remove it [boilerplate]`,
    `${line(6)}:${at}-${line(6)}:${at + 28}: Unexpected site furniture \`Read more at DailyMail.co.uk\`: a read-more link, remove it [boilerplate]`
  ]
}

/** In plain text an unterminated long line is a caption; in markup, a paragraph. */
const caption = (start: string) => `Unexpected caption \`${start}\` in the body with no finite verb, remove it or make it a sentence`
const fragment = (start: string) => `Unexpected fragment \`${start}\` with no finite verb in a main clause, complete or remove it`

describe('one message per defect', () => {
  it('should give each caption, copy and furniture line one message in plain text', () => {
    const value = blocks.join('\n\n') + '\n'
    const messages = linted('story.txt', value)
    expect(messages).toEqual(expected((index) => 1 + 2 * index, 1, caption))
  })

  it('should give the same messages in Markdown', () => {
    const value = blocks.join('\n\n') + '\n'
    const messages = linted('story.md', value)
    expect(messages).toEqual(expected((index) => 1 + 2 * index, 1, fragment))
  })

  it('should give the same messages in HTML', () => {
    const value = blocks.map((block) => `<p>${block}</p>`).join('\n') + '\n'
    const messages = linted('story.html', value)
    expect(messages).toEqual(expected((index) => 1 + index, 4, fragment))
  })

  it('should flag those lines with more rules when each rule runs alone', () => {
    const value = blocks.join('\n\n') + '\n'
    const alone = (id: string) => linted('story.txt', value, {...offAll(), [id]: id === 'readability' ? everySentence.readability! : ['warn', {}]})
    expect(alone('fragment').map((line) => line.split(':')[0])).toEqual(['3', '5', '7', '9'])
    expect(alone('readability').map((line) => line.split(':')[0])).toEqual(['3', '5', '7', '9', '11'])
    expect(alone('boilerplate').map((line) => line.split(':')[0])).toEqual(['11', '13'])
  })
})

function offAll(): RuleSettings {
  const ids = ['attribution-mismatch', 'boilerplate', 'fragment', 'glued-words', 'number-consistency', 'readability', 'repeated-paragraph', 'repeated-word', 'shared-paragraph', 'unattributed-quote', 'unintroduced-person', 'unsourced-number', 'vague-attribution']
  return Object.fromEntries(ids.map((id) => [id, ['off', {}]]))
}
