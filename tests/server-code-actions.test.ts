/**
 * The language server's quick fixes, in process: one per `expected` value,
 * titled by what it does, the lone one preferred, none for a stale or foreign
 * diagnostic; and the lint of one document (config found, ignored files skipped).
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Diagnostic} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {afterAll, describe, expect, it} from 'vitest'
import {VFileMessage} from 'vfile-message'
import {disableActions, fixAll, quickFixes} from '../src/server/code-actions.js'
import {toDiagnostic} from '../src/report/lsp.js'
import {articlePathOf, lintDocument} from '../src/server/lint-document.js'
import {makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const uri = 'file:///desk/story.txt'

function diagnostic(line: number, start: number, end: number, data: unknown, source = 'factcheck'): Diagnostic {
  return {range: {start: {line, character: start}, end: {line, character: end}}, message: 'm', source, data}
}

describe('quickFixes', () => {
  const document = TextDocument.create(uri, 'plaintext', 1, 'Ministers met in Kyiv.\nThe the talks ended.\n')

  it('should offer one fix per choice, none of them preferred, titled with both texts', () => {
    const actions = quickFixes(document, [diagnostic(0, 17, 21, {expected: ['Kiev', 'Kyiv city'], actual: 'Kyiv'})])
    expect(actions.map(({title, isPreferred}) => ({title, isPreferred}))).toEqual([
      {title: 'Replace `Kyiv` with `Kiev`', isPreferred: false},
      {title: 'Replace `Kyiv` with `Kyiv city`', isPreferred: false}
    ])
    expect(actions[1].edit?.changes?.[uri]).toEqual([{range: {start: {line: 0, character: 17}, end: {line: 0, character: 21}}, newText: 'Kyiv city'}])
  })

  it('should remove a word with the space after it, as --fix does', () => {
    const [action] = quickFixes(document, [diagnostic(1, 0, 3, {expected: [''], actual: 'The'})])
    expect(action).toMatchObject({title: 'Remove `The`', isPreferred: true})
    expect(TextDocument.applyEdits(document, action.edit?.changes?.[uri] ?? [])).toBe('Ministers met in Kyiv.\nthe talks ended.\n')
  })

  it('should offer nothing for a stale diagnostic, another tool’s, or one without a fix', () => {
    expect(
      quickFixes(document, [
        diagnostic(0, 17, 21, {expected: ['Kiev'], actual: 'Kiev'}),
        diagnostic(0, 17, 21, {expected: ['Kiev'], actual: 'Kyiv'}, 'cspell'),
        diagnostic(0, 0, 9, {expected: []}),
        diagnostic(0, 0, 9, 'not an object')
      ])
    ).toEqual([])
  })

  it('should offer nothing for a range that ends before it starts', () => {
    expect(quickFixes(document, [diagnostic(1, 8, 4, {expected: ['']})])).toEqual([])
  })
})

describe('fixAll', () => {
  it('should leave out a fix whose place ends before it starts', () => {
    const document = TextDocument.create(uri, 'plaintext', 1, 'Ministers met in Kyiv.\nThe the talks ended.\n')
    const backwards = new VFileMessage('m', {place: {start: {line: 2, column: 9, offset: 31}, end: {line: 2, column: 5, offset: 27}}})
    backwards.actual = ''
    backwards.expected = ['']
    const repeated = new VFileMessage('m', {place: {start: {line: 2, column: 1, offset: 23}, end: {line: 2, column: 8, offset: 30}}})
    repeated.actual = 'The the'
    repeated.expected = ['The']
    const action = fixAll(document, [backwards, repeated])
    expect(TextDocument.applyEdits(document, action?.edit?.changes?.[uri] ?? [])).toBe('Ministers met in Kyiv.\nThe talks ended.\n')
    expect(fixAll(document, [backwards])).toBeUndefined()
  })

  it('should fix the copy, not the lines before it, after a bare `&` and a line break in HTML', () => {
    const folder = makeTempDir()
    const paragraph = 'The minister said the plan would cut costs for thousands of families across the country.'
    const story = TextDocument.create(pathToFileURL(path.join(folder, 'story.html')).href, 'html', 1, `<p>Tom &\nJerry</p>\n<p>${paragraph}</p>\n<p>${paragraph}</p>\n`)
    const outcome = lintDocument(story.uri, story.getText(), folder)
    const action = outcome.kind === 'linted' ? fixAll(story, outcome.messages) : undefined
    expect(TextDocument.applyEdits(story, action?.edit?.changes?.[story.uri] ?? [])).toBe(`<p>Tom &\nJerry</p>\n<p>${paragraph}</p>\n`)
  })
})

describe('lintDocument', () => {
  it('should leave documents alone that are not file articles', () => {
    expect(articlePathOf('untitled:Untitled-1')).toBeUndefined()
    expect(articlePathOf('file:///desk/notes.json')).toBeUndefined()
    expect(lintDocument('file:///desk/notes.json', 'the the', undefined)).toEqual({kind: 'not-article'})
  })

  it('should skip a document its .factcheckignore names, and lint under the nearest config', () => {
    const folder = makeTempDir()
    writeTree(folder, {'.factcheckignore': 'archive/\n', '.factcheckrc.json': '{"rules": {"repeated-word": "warn"}}\n'})
    const text = 'General Mattis stated that the the goal was peace.\n'
    expect(lintDocument(pathToFileURL(path.join(folder, 'archive/old.md')).href, text, folder)).toEqual({kind: 'ignored'})

    const outcome = lintDocument(pathToFileURL(path.join(folder, 'story.md')).href, text, folder)
    expect(outcome.kind === 'linted' && outcome.messages.filter((message) => message.ruleId === 'repeated-word').map((message) => message.fatal)).toEqual([false])
  })
})

describe('disableActions', () => {
  it('should put a disable-next-line comment above the line, with its indentation, which silences the message', () => {
    const folder = makeTempDir()
    const storyUri = pathToFileURL(path.join(folder, 'story.md')).href
    const text = 'Talks in Kyiv:\n\n  - The the talks ended.\n'
    const outcome = lintDocument(storyUri, text, folder)
    const repeated = outcome.kind === 'linted' ? outcome.messages.filter((message) => message.ruleId === 'repeated-word') : []
    expect(repeated).toHaveLength(1)
    const document = TextDocument.create(storyUri, 'markdown', 1, text)
    const diagnostics = repeated.map((message) => toDiagnostic(message, storyUri))
    const [action, ...more] = disableActions(document, [...diagnostics, diagnostic(2, 4, 7, {}, 'other-linter')])
    expect(more).toEqual([])
    expect(action).toMatchObject({title: 'Disable repeated-word for this line', kind: 'quickfix', diagnostics})
    const edits = action!.edit!.changes![storyUri]!
    expect(edits).toEqual([{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, newText: '  <!-- factcheck-disable-next-line repeated-word -->\n'}])

    const disabled = TextDocument.applyEdits(document, edits)
    expect(disabled).toBe('Talks in Kyiv:\n\n  <!-- factcheck-disable-next-line repeated-word -->\n  - The the talks ended.\n')
    const again = lintDocument(storyUri, disabled, folder)
    expect(again.kind === 'linted' && again.messages.filter((message) => message.ruleId === 'repeated-word')).toEqual([])
  })
})
