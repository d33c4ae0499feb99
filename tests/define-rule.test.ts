import type {Root} from 'nlcst'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {defineRule, escalate} from '../src/rule-api/define-rule.js'
import {docUrl} from '../src/rule-api/doc-url.js'

const meta = {id: 'demo-rule', severity: 'warn', summary: 'demo', fixable: true, options: {word: {kind: 'string', default: 'Saeed', description: 'word'}}} as const

function run(plugin: ReturnType<typeof defineRule>['plugin'], setting: Parameters<typeof plugin>[0], value: string) {
  const file = new VFile({path: 'a.txt', value})
  const processor = unified().use(retextEnglish).use(plugin, setting)
  processor.runSync(processor.parse(file), file)
  return file
}

const flagWord = defineRule<{word: string}>(meta, (tree: Root, file, options) => {
  visit(tree, 'WordNode', (node) => {
    const text = node.children.map((child) => ('value' in child ? child.value : '')).join('')
    if (text === options.word) {
      const message = file.message(`Unexpected \`${text}\``, {place: node.position})
      message.actual = 'not the source'
      message.expected = ['X']
    }
  })
})

describe('defineRule', () => {
  it('should stamp ruleId, source, url and the configured severity on each message', () => {
    const file = run(flagWord.plugin, ['error', {}], 'Saeed heads the group.')
    expect(file.messages).toHaveLength(1)
    const [message] = file.messages
    expect(message.ruleId).toBe('demo-rule')
    expect(message.source).toBe('factcheck')
    expect(message.url).toBe(docUrl('demo-rule'))
    expect(message.fatal).toBe(true)
  })

  it('should map warn to fatal false and info to fatal undefined', () => {
    expect(run(flagWord.plugin, ['warn', {}], 'Saeed said.').messages[0].fatal).toBe(false)
    expect(run(flagWord.plugin, ['info', {}], 'Saeed said.').messages[0].fatal).toBe(undefined)
  })

  it('should do nothing when off', () => {
    expect(run(flagWord.plugin, ['off', {}], 'Saeed said.').messages).toEqual([])
  })

  it('should merge options over the defaults', () => {
    expect(run(flagWord.plugin, ['warn', {word: 'Pompeo'}], 'Saeed quoted Pompeo.').messages.map((m) => m.actual)).toEqual(['Pompeo'])
  })

  it('should make `actual` the source at the place and drop a fix that does not replace it', () => {
    const [message] = run(flagWord.plugin, ['warn', {}], 'Saeed said.').messages
    expect(message.actual).toBe('Saeed')
    expect(message.expected).toEqual([])
  })

  it('should keep only the start of a place that ends before it starts, with no fix', () => {
    const backwards = defineRule(meta, (tree: Root, file) => {
      const message = file.message('Unexpected span', {
        place: {start: {line: 1, column: 7, offset: 6}, end: {line: 1, column: 1, offset: 0}}
      })
      message.expected = ['']
    })
    const [message] = run(backwards.plugin, ['warn', {}], 'Saeed said.').messages
    expect({place: message.place, actual: message.actual, expected: message.expected}).toEqual({
      place: {line: 1, column: 7, offset: 6},
      actual: undefined,
      expected: []
    })
  })

  it('should turn a throwing check into one internal-error message and keep earlier ones', () => {
    const broken = defineRule({...meta, id: 'broken-rule'}, () => {
      throw new Error('boom')
    })
    const file = new VFile({path: 'a.txt', value: 'Saeed said.'})
    const processor = unified().use(retextEnglish).use(flagWord.plugin, ['warn', {}]).use(broken.plugin, ['error', {}])
    processor.runSync(processor.parse(file), file)
    expect(file.messages.map((m) => [m.ruleId, m.reason, m.fatal])).toEqual([
      ['demo-rule', 'Unexpected `Saeed`', false],
      ['internal-error', 'Rule `broken-rule` failed on this file: boom', true]
    ])
  })

  it('should keep an escalated message an error whatever the configured severity', () => {
    const raising = defineRule<{word: string}>(meta, (tree: Root, file) => {
      visit(tree, 'WordNode', (node) => {
        const text = node.children.map((child) => ('value' in child ? child.value : '')).join('')
        const message = file.message(`Unexpected \`${text}\``, {place: node.position})
        if (text === 'Saeed') escalate(message)
      })
    })
    const file = run(raising.plugin, ['info', {}], 'Saeed heads.')
    expect(file.messages.map((message) => [message.reason, message.fatal])).toEqual([
      ['Unexpected `Saeed`', true],
      ['Unexpected `heads`', undefined]
    ])
  })
})
