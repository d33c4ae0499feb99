/**
 * An English lexicon for word evidence (“is `caption` a word?”, “is `Jim` a
 * name?”, “is `PlayStation` spelt like this?”), from the Hunspell dictionary
 * of `dictionary-en` (SCOWL, US English, with names, places and brands) and
 * its prefix and suffix rules. The dictionary's bytes come with the import
 * (about 550 kB); its entries are indexed on the first question (about
 * 20 ms), and forms are recognised by undoing affixes, as Hunspell does.
 * Limits: no compounding or spelling suggestions; British spellings are
 * mapped to the US ones the dictionary holds (`colour` → `color`).
 */
import dictionary from 'dictionary-en'
import {lowerCase} from '../../parse/node-text.js'

export interface Affix {
  readonly strip: string
  readonly add: string
  readonly condition: RegExp
}

export interface AffixClass {
  readonly kind: 'PFX' | 'SFX'
  /** Whether the affix combines with affixes of the other kind (`un-` + `-ed`). */
  readonly cross: boolean
  readonly rules: Affix[]
}

export interface Lexicon {
  /** Flags of each `.dic` entry, spelt as the entry is (`caption` → `SMDG`, `Jim` → `M`). */
  readonly entries: ReadonlyMap<string, string>
  readonly classes: ReadonlyMap<string, AffixClass>
}

let cached: Lexicon | undefined

/** Whether `word`, in any case, is a form of a lower-case entry (`News`, `subscribers`, `Labour`). */
export function isEnglishWord(word: string): boolean {
  const lower = lowerCase(plainApostrophes(word))
  return isForm(lexicon(), lower) || americanSpellings(lower).some((form) => isForm(lexicon(), form))
}

/** Whether `word` is a form of a capitalised entry: a name, place or brand (`Jim`, `South`, `Dakota`). */
export function isProperNoun(word: string): boolean {
  return capitalised.test(word) && isForm(lexicon(), plainApostrophes(word))
}

/** Whether `word` is a form of an entry spelt exactly so (`PlayStation`, `iPhone`, `McDonald`). */
export function isKnownSpelling(word: string): boolean {
  return isForm(lexicon(), plainApostrophes(word))
}

/**
 * Whether `word` can be a regular verb form: a stem the dictionary inflects
 * with `-ing` or `-ed` (flags `G`, `D`), or that stem with `-s` or `-ed`
 * (`battle`, `accounts`, `formalised`), or a stem whose doubled `-ing` form
 * is an entry (`plans`: `planning`). Irregular pasts are not derived this
 * way; nouns that are also verbs (`hands`) are verb forms. Meant for content
 * words: the dictionary gives some function words verb flags (`the`).
 */
export function isVerbForm(word: string): boolean {
  const lower = lowerCase(plainApostrophes(word))
  const {entries, classes} = lexicon()
  // “plan”, “control”: stems that double their consonant list `planning`, `controlling` as entries of their own.
  const isStem = (stem: string) => /[DG]/.test(entries.get(stem) ?? '') || (entries.has(stem) && entries.has(stem + stem.at(-1) + 'ing'))
  const viaSuffix = (form: string, flag: string) =>
    (classes.get(flag)?.rules ?? []).some((rule) => {
      if (!form.endsWith(rule.add) || form.length === rule.add.length) return false
      const base = form.slice(0, form.length - rule.add.length) + rule.strip
      return rule.condition.test(base) && (entries.get(base) ?? '').includes(flag) && isStem(base)
    })
  // “preferred”: a doubled consonant before `-ed`.
  const doubledPast = (form: string) => /([b-df-hj-np-tv-z])\1ed$/.test(form) && isStem(form.slice(0, -3))
  return [lower, ...americanSpellings(lower)].some((form) => isStem(form) || viaSuffix(form, 'S') || viaSuffix(form, 'D') || doubledPast(form))
}

// A curly apostrophe, as the dictionary's `ICONV ’ '` maps it: `didn’t` → `didn't`; not `'`.
const curlyApostrophe = /’/g

function plainApostrophes(word: string): string {
  return word.replace(curlyApostrophe, "'")
}

// `Jim`, `Édouard`; not `jim`, `iPhone`.
const capitalised = /^\p{Lu}/u

// British → US endings the dictionary knows: `colour`, `organise`, `analyse`, `centre`, `defence`, `travelled`, `programme`.
const britishToAmerican: ReadonlyArray<readonly [RegExp, string]> = [
  [/our/, 'or'],
  [/is(e|ed|es|ing|ation|ations)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/tre(s?)$/, 'ter$1'],
  [/ence(s?)$/, 'ense$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/mme(s?)$/, 'm$1']
]

function americanSpellings(word: string): string[] {
  const spellings: string[] = []
  for (const [british, american] of britishToAmerican) {
    if (british.test(word)) spellings.push(word.replace(british, american))
  }
  return spellings
}

function lexicon(): Lexicon {
  if (!cached) cached = build(new TextDecoder().decode(dictionary.aff), new TextDecoder().decode(dictionary.dic))
  return cached
}

/** Read a dictionary: `.dic` entries with their flags, `.aff` affix classes (single-letter flags, as `dictionary-en` has). */
export function build(aff: string, dic: string): Lexicon {
  const entries = new Map<string, string>()
  // Line by line without splitting the file first: this runs in every start-up.
  // The first line is the entry count.
  for (let start = dic.indexOf('\n') + 1; start > 0 && start < dic.length; ) {
    const newline = dic.indexOf('\n', start)
    const end = newline === -1 ? dic.length : newline
    const slash = dic.indexOf('/', start)
    const stemEnd = slash === -1 || slash > end ? end : slash
    const stem = dic.slice(start, stemEnd).trim()
    if (stem) {
      const flags = stemEnd === end ? '' : dic.slice(stemEnd + 1, end).trim()
      const earlier = entries.get(stem)
      entries.set(stem, earlier === undefined ? flags : earlier + flags)
    }
    start = end + 1
  }
  return {entries, classes: affixClasses(aff)}
}

/**
 * Whether `word` is an entry, or an entry with affixes its flags allow:
 * `captions` = `caption` + `S`, `reconsidered` = `re` (`A`) + `consider` + `ed` (`D`).
 */
export function isForm(lexicon: Lexicon, word: string): boolean {
  if (lexicon.entries.has(word)) return true
  if (isSuffixed(lexicon, word, undefined)) return true
  for (const [flag, affixes] of lexicon.classes) {
    if (affixes.kind !== 'PFX') continue
    for (const rule of affixes.rules) {
      if (!word.startsWith(rule.add) || word.length === rule.add.length) continue
      const base = rule.strip + word.slice(rule.add.length)
      if (!rule.condition.test(base)) continue
      if (lexicon.entries.get(base)?.includes(flag)) return true
      if (affixes.cross && isSuffixed(lexicon, base, flag)) return true
    }
  }
  return false
}

/** Whether `word` is an entry plus one suffix (of a cross-product class when `prefix` must also apply). */
function isSuffixed(lexicon: Lexicon, word: string, prefix: string | undefined): boolean {
  for (const [flag, affixes] of lexicon.classes) {
    if (affixes.kind !== 'SFX' || (prefix !== undefined && !affixes.cross)) continue
    for (const rule of affixes.rules) {
      if (!word.endsWith(rule.add) || word.length === rule.add.length) continue
      const base = word.slice(0, word.length - rule.add.length) + rule.strip
      if (!rule.condition.test(base)) continue
      const flags = lexicon.entries.get(base)
      if (flags?.includes(flag) && (prefix === undefined || flags.includes(prefix))) return true
    }
  }
  return false
}

// An affix header or rule line: `SFX S Y 4` / `SFX S   y     ies        [^aeiou]y`.
const affixLine = /^(PFX|SFX)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?/

function affixClasses(aff: string): Map<string, AffixClass> {
  const classes = new Map<string, AffixClass>()
  for (const line of aff.split('\n')) {
    const match = affixLine.exec(line)
    if (!match) continue
    const [, kind, flag, third, fourth, fifth] = match
    const existing = classes.get(flag)
    if (!existing || fifth === undefined) {
      // Header: kind, flag, cross product (Y/N), rule count.
      if (!existing) classes.set(flag, {kind: kind as 'PFX' | 'SFX', cross: third === 'Y', rules: []})
      continue
    }
    const strip = third === '0' ? '' : third
    const add = (fourth === '0' ? '' : fourth).split('/')[0]
    const condition = fifth === '.' ? /(?:)/ : kind === 'SFX' ? new RegExp(fifth + '$') : new RegExp('^' + fifth)
    existing.rules.push({strip, add, condition})
  }
  return classes
}
