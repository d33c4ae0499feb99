/**
 * `npm run docs`: regenerate the README's rule table (from the registry) and
 * usage (from the flag table), so neither is kept by hand. Each sits between
 * `<!-- generated … -->` markers; `--check` exits 1 when the README is stale.
 */
import fs from 'node:fs'
import path from 'node:path'
import {rules} from '../rules/index.js'
import {packageRoot} from '../src/rule-api/doc-url.js'
import {helpText} from '../src/cli/flags.js'

interface Section {
  readonly start: string
  readonly end: string
  readonly content: () => string
}

const sections: readonly Section[] = [
  {start: '<!-- generated rules: npm run docs -->', end: '<!-- end generated rules -->', content: ruleTable},
  {start: '<!-- generated usage: npm run docs -->', end: '<!-- end generated usage -->', content: () => '```text\n' + helpText() + '```'}
]

/** The rule table, one row per rule, from the registry. */
export function ruleTable(): string {
  const rows = rules.map(({meta}) => {
    const options = Object.keys(meta.options).map((name) => '`' + name + '`').join(', ') || '–'
    return `| [\`${meta.id}\`](rules/${meta.id}.md) | ${meta.severity} | ${meta.fixable ? 'yes' : 'no'} | ${options} | ${meta.summary} |`
  })
  return ['| id | default | fixable | options | flags |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

/** `readme` with every generated section replaced by its current content. */
export function regenerate(readme: string): string {
  let result = readme
  for (const {start, end, content} of sections) {
    const from = result.indexOf(start)
    const to = result.indexOf(end)
    if (from === -1 || to === -1 || to < from) throw new Error(`README.md lacks the \`${start}\` … \`${end}\` markers`)
    result = result.slice(0, from + start.length) + '\n' + content() + '\n' + result.slice(to)
  }
  return result
}

function main(): void {
  const readmePath = path.join(packageRoot, 'README.md')
  const readme = fs.readFileSync(readmePath, 'utf8')
  const updated = regenerate(readme)
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md: the rule table is stale; run `npm run docs`')
      process.exitCode = 1
    }
    return
  }
  if (updated !== readme) fs.writeFileSync(readmePath, updated)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main()
