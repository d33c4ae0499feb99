/**
 * `node dist/scripts/build-first-names.js FOLDER`: builds
 * src/analysis/speakers/data/first-names.json, the first names the speaker
 * model takes as evidence of a person (`Janet Morrow`) and of a gender (for
 * `he`/`she`), from the US Social Security Administration's baby-name files
 * (`yob1920.txt` … `yob2005.txt`, lines `Name,F|M,count`; the national data
 * set "Beyond the Top 1000 Names", a work of the US government, public
 * domain). Deterministic: the same files give the same list.
 *
 * A name is kept when at least `minimum` births of 1920–2005 (people in the
 * news today) carry it; it is `male` or `female` when at least `share` of
 * them were of that sex, else `either` (Jordan, Kelly, Chris).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const minimum = 1000
const share = 0.85
const years = [1920, 2005]

const here = path.dirname(fileURLToPath(import.meta.url))
const target = path.resolve(here, '../../src/analysis/speakers/data/first-names.json')

function main(): void {
  const folder = process.argv[2]
  if (!folder || !fs.existsSync(folder)) {
    console.error('usage: node dist/scripts/build-first-names.js FOLDER (the SSA yobYYYY.txt files)')
    process.exitCode = 2
    return
  }
  const births = new Map<string, {female: number; male: number}>()
  for (let year = years[0]; year <= years[1]; year++) {
    const file = path.join(folder, `yob${year}.txt`)
    if (!fs.existsSync(file)) {
      console.error(`build-first-names: ${file}: missing`)
      process.exitCode = 2
      return
    }
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const [name, sex, count] = line.trim().split(',')
      if (!name || !count) continue
      const row = births.get(name) ?? {female: 0, male: 0}
      if (sex === 'F') row.female += Number(count)
      else row.male += Number(count)
      births.set(name, row)
    }
  }
  const lists: Record<'male' | 'female' | 'either', string[]> = {male: [], female: [], either: []}
  for (const [name, {female, male}] of [...births].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const total = female + male
    if (total < minimum) continue
    lists[male / total >= share ? 'male' : female / total >= share ? 'female' : 'either'].push(name)
  }
  const source = `US Social Security Administration baby names ${years[0]}-${years[1]} (public domain), at least ${minimum} births, ${share * 100}% of one sex for a gender`
  fs.writeFileSync(target, JSON.stringify({source, ...lists}) + '\n')
  console.log(`${target}: ${lists.male.length} male, ${lists.female.length} female, ${lists.either.length} either`)
}

main()
