/**
 * Whether a sentence has a finite verb in a main clause — the test that tells
 * prose from caption residue (`Jim Mattis in Islamabad on Monday.`), photo
 * captions (`… receiving US Defence Secretary Jim Mattis`) and stray clauses
 * (`U.S. states where marijuana has been legalized …`).
 *
 * Two passes over the sentence's tokens, with one clause walk: first a word
 * list (`is`, `has`, `would`, `said`, `didn’t`, `he’s`), which settles most
 * prose without a tagger; only a sentence it leaves open goes to wink-nlp.
 * The walk ignores the first verb group after a subordinator (`who`, `which`,
 * `where`, `because`, `if` …) until the next comma, colon, semicolon, dash or
 * bracket: `The man who was arrested has been released` keeps `has`.
 * wink's lite model often tags a present or past verb as a noun (`Italy
 * plans to`, `the total fell 11,000`): irregular pasts are in the word list,
 * and a regular verb form of the dictionary right after a subject counts.
 * Limits: wink's tags do not tell a past tense from a participle, so
 * `Jim Mattis pictured in 2016.` reads as complete; so does a noun after a
 * subject-like word (`US troops in Baghdad.`).
 */
import type {Token} from '../speakers/tokens.js'
import words from './data/clause-words.json' with {type: 'json'}
import {isVerbForm} from '../nlcst/lexicon.js'
import {tagTokens, type Tag} from './tagger.js'

type VerbClass = 'finite' | 'verb' | 'none'

const finiteWords: ReadonlySet<string> = new Set(words.finite)
const nonFiniteWords: ReadonlySet<string> = new Set(words.nonFinite)
const contractedSubjects: ReadonlySet<string> = new Set(words.contractedSubjects)
const subordinators: ReadonlySet<string> = new Set(words.subordinators)
const relatives: ReadonlySet<string> = new Set(words.relatives)
// A contracted verb ending a word: "he’s", "they’ve", "we’ll"; not "Mattis’" or "Trump’s" (that is possessive).
const contractedVerb = new RegExp(`^(.+?)(${words.contractedVerbs.join('|')})$`)
// Marks that end a clause for the walk: "," ";" ":" dashes and brackets; not "." or quotes.
const clauseMark = /^(?:[,;:()[\]]|[-–—]{1,2})$/
/** Tags a verb mistagged by wink has: `plans` NOUN, `formalised` ADJ. */
const taggedAsOther: ReadonlySet<string> = new Set(['NOUN', 'ADJ'])
/** Tags of a subject before its verb: `Umbro`, `members`, `He`, `Keys and Usher`. */
const subjectTags: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON'])
/** Adverbs that follow the subject they modify: `the tables below show`. */
const postpositives: ReadonlySet<string> = new Set(words.postpositives)
/** Pronouns a base-form verb agrees with: `they play`. */
const pluralPronouns: ReadonlySet<string> = new Set(['they', 'we', 'you', 'i'])
// A plural-looking name: "Lakers", "Democrats"; not "Lakers’" (possessive, a separate mark).
const pluralName = /^\p{Lu}\p{L}+s$/u
// A past form: "formalised", "preferred"; not "bed" (too short to be one).
const pastForm = /^\w{2,}ed$/
// A third-person present form: "supplies", "plans", "accounts"; not "ss" endings ("access").
const thirdPerson = /[^s]s$/
/** Tags that may follow a verb: `supplies more`, `plans to`, `battle against`, `share eight`, `controls the`. */
const followerTags: ReadonlySet<string> = new Set(['ADP', 'DET', 'PRON', 'PART', 'NUM', 'ADJ', 'ADV', 'SCONJ', 'SYM'])

/** Whether the sentence has a finite verb outside subordinate clauses. */
export function hasMainFiniteVerb(tokens: readonly Token[]): boolean {
  if (walk(tokens, tokens.map(listClass))) return true
  const tags = tagTokens(tokens)
  return walk(tokens, tokens.map((token, index) => taggedClass(tokens, tags, index)))
}

/**
 * The first pass alone: whether the word list (`is`, `has`, `said`, `didn’t`)
 * finds a main-clause finite verb. Cheap (no tagger), and blind to regular
 * verbs (`rose`, `plans`): the line classifier's verb feature.
 */
export function hasListedFiniteVerb(tokens: readonly Token[]): boolean {
  return walk(tokens, tokens.map(listClass))
}

/** The clause walk: a finite verb group that no subordinator claims is a main clause's. */
function walk(tokens: readonly Token[], classes: readonly VerbClass[]): boolean {
  let pending = 0
  let inGroup = false
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.kind !== 'word') {
      if (clauseMark.test(token.text)) pending = 0
      inGroup = false
      continue
    }
    // “who”, “which” anywhere; “because”, “though” when they open a clause (not “Williams though blamed …”).
    if (relatives.has(key(token)) || (subordinators.has(key(token)) && opensClause(tokens, index))) {
      pending++
      inGroup = false
      continue
    }
    const verbClass = classes[index]
    if (verbClass === 'none') {
      inGroup = false
      continue
    }
    if (inGroup) continue
    inGroup = true
    if (verbClass !== 'finite') continue
    if (pending > 0) {
      pending--
      continue
    }
    return true
  }
  return false
}

function opensClause(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1]
  return previous === undefined || clauseMark.test(previous.text) || ['and', 'but', 'or', 'even', 'so'].includes(previous.lower)
}

/** What the word list alone says: `is`, `would`, `said`, `didn’t`, `he’s` are finite. */
function listClass(token: Token, index: number, tokens: readonly Token[]): VerbClass {
  if (token.kind !== 'word') return 'none'
  const word = key(token)
  // “Be sure to visit …”: an imperative.
  if (index === 0 && word === 'be') return 'finite'
  if (nonFiniteWords.has(word)) return 'verb'
  // “May 2019”: a capitalised `May` inside a sentence is the month.
  if (token.capitalized && index > 0 && word === 'may') return 'none'
  if (finiteWords.has(word)) return tokens[index - 1]?.lower === 'to' ? 'verb' : 'finite'
  const contracted = contractedVerb.exec(word)
  return contracted && contractedSubjects.has(contracted[1]) ? 'finite' : 'none'
}

/** What wink's tags say, for a sentence the word list left open. */
function taggedClass(tokens: readonly Token[], tags: readonly Tag[][], index: number): VerbClass {
  const listed = listClass(tokens[index], index, tokens)
  if (listed !== 'none') return listed
  const own = tags[index]
  const verb = [...own].reverse().find((tag) => tag.pos === 'VERB' || tag.pos === 'AUX')
  if (!verb) return isUntaggedVerb(tokens, tags, index) || isImperative(tokens, tags, index) ? 'finite' : 'none'
  const value = verb.value.toLowerCase()
  if (value.endsWith('ing') || nonFiniteWords.has(value) || tokens[index - 1]?.lower === 'to') return 'verb'
  if (verb.pos === 'AUX') return 'finite'
  // “Occupy L.A.”: a capitalised word inside the sentence is a name.
  if (tokens[index].capitalized && index > 0 && tokens[index - 1].text !== ':') return 'none'
  // “rose”, “hails”, “killed”: a form that differs from its lemma (past or third person); “they play”,
  // “Symptoms of hepatitis A include”: a base form not after `to` (modals are finite themselves).
  return 'finite'
}

/** `Read more …`, `Thunder: Host the Lakers on Friday.`: a base verb opening a clause with an object after it. */
function isImperative(tokens: readonly Token[], tags: readonly Tag[][], index: number): boolean {
  const opens = index === 0 || tokens[index - 1].text === ':'
  if (!opens || !tokens[index].capitalized) return false
  const own = lastTag(tags[index])
  const next = tags[index + 1]?.[0]
  if (own?.pos === 'VERB' || own?.pos === 'AUX') return true
  return own?.pos === 'PROPN' && next !== undefined && (next.pos === 'DET' || next.pos === 'PRON')
}

/**
 * A verb wink tagged as a noun or adjective (`Umbro supplies more than 150
 * teams`, `Italy plans to raise`, `crew members battle against`, `He much
 * preferred the`): a regular verb form of the dictionary, right after a
 * subject it agrees with (an adverb may sit between), before an object, a
 * preposition, a particle or the sentence end. `Bob Corker at Trump campaign
 * rally in July` has none: `rally` does not agree with `campaign`.
 */
function isUntaggedVerb(tokens: readonly Token[], tags: readonly Tag[][], index: number): boolean {
  const token = tokens[index]
  const own = lastTag(tags[index])
  if (!own || !taggedAsOther.has(own.pos) || (token.capitalized && index > 0) || !isVerbForm(token.text)) return false
  let before = index - 1
  // “Umbro also supplies”, “The tables below show”.
  if (lastTag(tags[before])?.pos === 'ADV' || postpositives.has(tokens[before]?.lower ?? '')) before--
  const subject = lastTag(tags[before])
  if (!subject || !subjectTags.has(subject.pos) || tokens[before].kind !== 'word' || !agrees(token, tokens, subject, before)) return false
  const next = tokens[index + 1]
  if (!next) return true
  if (relatives.has(key(next)) || subordinators.has(key(next))) return false
  return next.text === '.' || followerTags.has(tags[index + 1]?.[0]?.pos ?? '')
}

/**
 * Whether a verb form agrees with the subject before it: a past with any
 * (`countries formalised`), `-s` with a singular (`Umbro supplies`), a base
 * form with a plural or a pair (`members battle`, `Keys and Usher share`).
 */
function agrees(verb: Token, tokens: readonly Token[], subject: Tag, at: number): boolean {
  const word = verb.lower
  if (pastForm.test(word)) return true
  const value = subject.value.toLowerCase()
  const plural =
    (subject.pos === 'NOUN' && value !== subject.lemma.toLowerCase()) ||
    (subject.pos === 'PROPN' && pluralName.test(subject.value)) ||
    (subject.pos === 'PRON' && pluralPronouns.has(value)) ||
    tokens.slice(Math.max(0, at - 4), at).some((token) => token.lower === 'and')
  // A name agrees with both: “Umbro supplies”, “Newcastle United face”.
  return subject.pos === 'PROPN' || (thirdPerson.test(word) ? !plural : plural)
}

function lastTag(tags: readonly Tag[] | undefined): Tag | undefined {
  return tags?.filter((tag) => tag.pos !== 'PUNCT').at(-1)
}

/** Lower case with straight apostrophes: `Didn’t` → `didn't`. */
function key(token: Token): string {
  return token.lower.replace(/’/g, "'")
}
