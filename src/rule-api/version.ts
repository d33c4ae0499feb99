/** This package's version, from its `package.json` (for `--version` and the language server's `serverInfo`). */
import fs from 'node:fs'
import path from 'node:path'
import {packageRoot} from './doc-url.js'

export function packageVersion(): string {
  const data = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}
  return data.version
}
