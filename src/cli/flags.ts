/**
 * The command-line flags, declared as data (as unified-args declares its
 * own): `node:util`'s `parseArgs` reads them and `--help` is printed from them.
 */
import type {ParseArgsConfig} from 'node:util'

export interface Flag {
  readonly name: string
  readonly short?: string
  readonly type: 'string' | 'boolean'
  readonly multiple?: boolean
  /** Name of the flag's value in `--help`. */
  readonly value?: string
  readonly description: string
}

export const flags: readonly Flag[] = [
  {name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'report format: stylish (default), json, lsp, compact, github, sarif, html or quotes (the quote ledger)'},
  {name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the report to FILE (atomically) instead of stdout'},
  {name: 'config', short: 'c', type: 'string', value: 'FILE', description: 'use this config file instead of looking for .factcheckrc.json'},
  {name: 'rule', short: 'r', type: 'string', multiple: true, value: 'ID=SEVERITY', description: 'set a rule to off, info, warn or error (repeatable)'},
  {name: 'print-config', type: 'string', value: 'FILE', description: 'print the resolved config for FILE and exit'},
  {name: 'list-rules', type: 'boolean', description: 'list every rule with its default severity and summary'},
  {name: 'quiet', short: 'q', type: 'boolean', description: 'report errors only'},
  {name: 'verbose', type: 'boolean', description: "stylish: show each message's note (why it matters)"},
  {name: 'max-warnings', type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings'},
  {name: 'no-progress', type: 'boolean', description: 'do not draw the progress bar long runs show on a terminal'},
  {name: 'jobs', short: 'j', type: 'string', value: 'N', description: 'lint on N worker threads (default: the number of cores)'},
  {name: 'cache', type: 'boolean', description: 'keep the results of unchanged files and reuse them (in .factcheckcache)'},
  {name: 'cache-location', type: 'string', value: 'FOLDER', description: 'with --cache: keep the results in FOLDER instead'},
  {name: 'report-unused-disable-directives', type: 'boolean', description: 'report factcheck-disable comments that silence nothing, as errors'},
  {name: 'baseline', type: 'string', value: 'FILE', description: 'report only messages not in FILE, an earlier json report (exit codes count only those)'},
  {name: 'write-baseline', type: 'string', value: 'FILE', description: 'write every message of this run to FILE (atomically), a baseline for --baseline'},
  {name: 'fix', type: 'boolean', description: 'apply safe fixes to the files (atomically), then report what remains'},
  {name: 'fix-dry-run', type: 'boolean', description: 'print what --fix would change as a unified diff (report on stderr); write nothing'},
  {name: 'stdin', type: 'boolean', description: 'lint one article read from standard input (with --fix: fixed text out, report on stderr)'},
  {name: 'stdin-filename', type: 'string', value: 'NAME', description: 'name of the --stdin article (its extension picks the parser)'},
  {name: 'records', type: 'boolean', description: 'read JSON lines {"id", "text", "type"?, "path"?} on stdin, write one JSON line a record'},
  {name: 'shard', type: 'string', value: 'I/N', description: 'lint only the articles whose path (or record id) hashes into shard I of N'},
  {name: 'emit-paragraph-hashes', type: 'boolean', description: 'json or --records: add paragraph hashes and leave shared-paragraph to --merge-corpus'},
  {name: 'merge-corpus', type: 'boolean', description: 'merge the outputs FILES... of --emit-paragraph-hashes runs, adding shared-paragraph'},
  {name: 'staged', type: 'boolean', description: 'lint the staged content of the staged articles of this git repository'},
  {name: 'install-hook', type: 'boolean', description: 'install a git pre-commit hook that runs --staged with the lint flags given'},
  {name: 'force', type: 'boolean', description: 'with --install-hook: replace a different existing pre-commit hook'},
  {name: 'help', short: 'h', type: 'boolean', description: 'show this help'},
  {name: 'version', short: 'v', type: 'boolean', description: 'show the version'}
]

export function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const flag of flags) {
    options[flag.name] = {
      type: flag.type,
      ...(flag.short ? {short: flag.short} : {}),
      ...(flag.multiple ? {multiple: true} : {})
    }
  }
  return options
}

export function helpText(): string {
  const rows = flags.map((flag) => {
    const names = (flag.short ? `-${flag.short}, ` : '    ') + `--${flag.name}` + (flag.value ? ` ${flag.value}` : '')
    return [names, flag.description] as const
  })
  const width = Math.max(...rows.map(([names]) => names.length)) + 2
  return [
    'Usage: factcheck [options] [paths or globs...]',
    '',
    'Editorial fact-check and quality linter for news articles (.txt, .md, .markdown, .html, .htm).',
    'Paths default to the current folder.',
    '',
    'Options:',
    ...rows.map(([names, description]) => '  ' + names.padEnd(width) + description),
    '',
    'Exit codes: 0 no errors; 1 lint errors or too many warnings; 2 usage, config or I/O failure.',
    ''
  ].join('\n')
}
