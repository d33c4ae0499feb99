/**
 * Positions in Markdown and HTML are those of the source file, also after
 * escapes, character references, inline markup and blockquote markers; code,
 * front matter, raw HTML and URLs are not linted.
 */
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {fixtureLine, lint, only} from './helpers.js'

const repeated = only('repeated-word')

/** `line:column-line:column: actual → expected` of every message of `settings`. */
function placed(value: string, settings: ReturnType<typeof only>, type: 'markdown' | 'html') {
  return lint(value, settings, type).messages.map(
    (message) => `${fixtureLine(message).split(': ')[0]}: ${message.actual} → ${JSON.stringify(message.expected)}`
  )
}

/** `line:column-line:column: actual` of every repeated word. */
function found(value: string, type: 'markdown' | 'html') {
  return lint(value, repeated, type).messages.map((message) => `${fixtureLine(message).split(': ')[0]}: ${message.actual}`)
}

describe('Markdown positions', () => {
  it('should report a repetition inside emphasis and a link at its source column', () => {
    expect(found('Mattis said *the the* talks went [well well](https://example.com).\n', 'markdown')).toEqual([
      '1:14-1:21: the the',
      '1:35-1:44: well well'
    ])
  })

  it('should not drift after escapes and character references', () => {
    expect(found('A \\*starred\\* claim &amp; a &#8220;quote&#8221; and and more.\n', 'markdown')).toEqual(['1:49-1:56: and and'])
  })

  it('should not drift on the later lines of a blockquote', () => {
    expect(found('> Pakistan must redouble its efforts\n> to to confront militants.\n', 'markdown')).toEqual(['2:3-2:8: to to'])
  })

  it('should keep exact positions with CRLF line ends', () => {
    expect(found('# Title\r\n\r\nThe court released the the cleric.\r\n', 'markdown')).toEqual(['3:20-3:27: the the'])
  })

  it('should place a figure after `&#0;` and `&#xD800;`, which Markdown decodes as U+FFFD', () => {
    const value = 'The figure &#xD800; rose.\n\nCosts &#0; rose to 50 percent of the total budget this year.\n'
    expect(placed(value, only('unsourced-number'), 'markdown')).toEqual(['3:20-3:30: 50 percent → []'])
  })

  it('should place text around a GFM autolink that the parser leaves without a position', () => {
    expect(found('![t]().\n\n[http://e.com said said the minister.\n', 'markdown')).toEqual(['3:15-3:24: said said'])
  })

  it('should lint `![t]().` and an unclosed bracketed autolink with every rule without failing', () => {
    const everyRule = Object.fromEntries(rules.map((rule) => [rule.meta.id, [rule.meta.severity, {}] as const]))
    expect(lint('![t]().\n\n[http://e.', everyRule, 'markdown').messages.map((message) => message.ruleId)).not.toContain('internal-error')
  })

  it('should skip code, front matter, raw HTML and autolinks', () => {
    const value = [
      '---',
      'title: the the',
      '---',
      '',
      'Use `the the` here.',
      '',
      '```',
      'the the',
      '```',
      '',
      '<div>the the</div>',
      '',
      '<https://the.the/the the>'
    ].join('\n')
    expect(found(value, 'markdown')).toEqual([])
  })
})

describe('HTML positions', () => {
  it('should not drift after character references and across inline elements', () => {
    expect(found('<p>Trump&#8217;s &amp; the <em>the</em> chief.</p>\n<p>A&nbsp;b in in c.</p>\n', 'html')).toEqual([
      '1:24-1:35: the <em>the',
      '2:13-2:18: in in'
    ])
  })

  it('should place lines after a bare `&` and a line break by their offsets (parse5 counts that break twice)', () => {
    const paragraph = 'The minister said the plan would cut costs for thousands of families across the country.'
    const value = `<p>Tom &\nJerry</p>\n<p>${paragraph}</p>\n<p>${paragraph}</p>\n`
    expect(placed(value, only('repeated-paragraph'), 'html')).toEqual([`4:4-4:92: ${paragraph} → [""]`])
  })

  it('should keep spans apart with CR-only line ends', () => {
    expect(found('<p>Tom said it would cost\rthe the country.</p>\r<p>He said so so.</p>', 'html')).toEqual([
      '2:1-2:8: the the',
      '3:12-3:17: so so'
    ])
  })

  it('should end a span at a CRLF line end before its `\\r`, keeping the fix', () => {
    expect(placed('<p>Mattis said the the\r\nwar was over.</p>\r\n', repeated, 'html')).toEqual(['1:16-1:23: the the → ["the"]'])
  })

  it('should skip attributes, scripts, styles and preformatted text', () => {
    const value = '<img alt="the the"><script>var the the</script><style>the the</style><pre>the the</pre><p title="in in">Fine.</p>'
    expect(found(value, 'html')).toEqual([])
  })
})
