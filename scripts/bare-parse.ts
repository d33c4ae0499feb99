/**
 * `node dist/scripts/bare-parse.js FILE`: the least a retext-based linter
 * does on one article — load unified and retext-english, read, parse — and
 * the yardstick of factcheck's start-up in `npm run bench`.
 */
import fs from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: bare-parse.js FILE')
const tree = unified().use(retextEnglish).parse(fs.readFileSync(file, 'utf8'))
process.stdout.write(`${tree.children.length} paragraphs\n`)
