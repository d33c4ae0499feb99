/**
 * Claims credited to no one in particular, found in a sentence's tokens:
 * unnamed groups with a cue that credits a claim or a belief (`critics
 * claim`, `…, said several observers`, `according to people familiar with
 * the talks`, `was seen by some`, `leading many to wonder`, `concerns among
 * intelligence experts`), and impersonal passives (`it is said`, `it has been
 * reported`, `Priebus was said to`). Named or named-by-example groups
 * (`critics such as Paul Krugman`, `another critic, Laurence Tribe`, `experts
 * at the IFS`) and quantifiers over things (`in many states`) are not
 * matches. The word lists come from the caller (the rule's data file).
 */
import {isBoundary, type Token} from './tokens.js'

/** The word lists a match is read with (`rules/data/vague-attribution.json`). */
export interface VagueLexicon {
  /** Plural heads that name no one: `critics`, `sources`. */
  readonly groups: ReadonlySet<string>
  /** Their singulars, which need a determiner or a qualifier: `a source`, `one critic`. */
  readonly singulars: ReadonlySet<string>
  /** `people`, `person`: vague only with a quantifier (`many people`) or a qualifier (`people close to`). */
  readonly people: ReadonlySet<string>
  /** `someone`, `somebody`. */
  readonly someone: ReadonlySet<string>
  /** Bare quantifiers that are the source themselves: `some say`, `many believe`, `others argue`. */
  readonly quantifiers: ReadonlySet<string>
  /** Words before a head: `some`, `a`, `one`, `his`, `another`. */
  readonly determiners: ReadonlySet<string>
  /** Determiners that make `people` an unnamed group: `many people`, `some people`. */
  readonly groupDeterminers: ReadonlySet<string>
  /** Word sequences after a head that keep it unnamed: `close to`, `familiar with`, `who`. */
  readonly qualifiers: ReadonlyArray<readonly string[]>
  /** Verbs that credit a claim or a belief, every form. */
  readonly cues: ReadonlySet<string>
  /** Cues that may come before their source: `…, said several observers`. */
  readonly invertedCues: ReadonlySet<string>
  /** Words between a source and its verb: `have also said`, `quietly saying`. */
  readonly between: ReadonlySet<string>
  /** `are saying`, `were criticizing`: a form of be before an -ing cue. */
  readonly progressive: ReadonlySet<string>
  /** Particles after a cue: those that make it an act (`call for`) or that it needs (`point to`). */
  readonly particles: Readonly<Record<string, readonly string[]>>
  readonly requiredParticles: ReadonlySet<string>
  /** Passive participles whose `by` names the source: `was seen by some`. */
  readonly agentVerbs: ReadonlySet<string>
  /** `leading many to wonder`: `to` and a cue after a bare quantifier. */
  readonly causes: ReadonlyArray<readonly string[]>
  /** `concerns among experts`, `warnings from experts`: a noun and its link. */
  readonly nounCues: ReadonlySet<string>
  readonly nounLinks: ReadonlySet<string>
  /** `X is said to`, `it is understood`: participles of an impersonal passive. */
  readonly itPassiveCues: ReadonlySet<string>
  readonly toPassiveCues: ReadonlySet<string>
  readonly passiveBe: ReadonlySet<string>
  readonly passiveBetween: ReadonlySet<string>
  /** `critics like Huffman`, `experts including Paul Bauman`: a named example follows. */
  readonly namedExamples: ReadonlyArray<readonly string[]>
  /** `experts at the IFS`, `sources from Reuters`: a named organisation follows. */
  readonly namedLinks: ReadonlySet<string>
}

export type VagueForm = 'group' | 'passive'

/** One vague credit: token ranges `[start, end)` of its source and its cue. */
export interface VagueCredit {
  readonly form: VagueForm
  /** The unnamed group (`several observers`), or the subject of a passive (`it`, `Priebus`). */
  readonly source: readonly [number, number]
  /** The cue (`said`, `according to`, `is said to`). */
  readonly cue: readonly [number, number]
}

/** How far a qualifier or a relative clause may run before its cue: `people who have battled other online threats say`. */
const maxQualifier = 14
const maxModifiers = 4

/** Vague credits in a sentence, in reading order; at most one per source. */
export function findVagueCredits(tokens: readonly Token[], lexicon: VagueLexicon): VagueCredit[] {
  const found: VagueCredit[] = []
  let next = 0
  for (let index = 0; index < tokens.length; index++) {
    if (index < next || tokens[index].kind !== 'word') continue
    const credit = passiveAt(tokens, index, lexicon) ?? groupAt(tokens, index, lexicon)
    if (!credit) continue
    found.push(credit)
    next = Math.max(credit.source[1], credit.cue[1])
  }
  return found
}

/** A group phrase starting at `start` and a cue that credits it. */
function groupAt(tokens: readonly Token[], start: number, lexicon: VagueLexicon): VagueCredit | undefined {
  const group = groupPhrase(tokens, start, lexicon)
  if (!group) return undefined
  const source: [number, number] = [start, group.end]
  const cue = cueBefore(tokens, start, lexicon) ?? cueAfter(tokens, group.end, group.bare, lexicon)
  return cue ? {form: 'group', source, cue} : undefined
}

interface GroupPhrase {
  /** End of the phrase, qualifier included. */
  readonly end: number
  /** A bare quantifier (`some`, `many`), which needs its cue next to it. */
  readonly bare: boolean
}

/**
 * `critics`, `his critics`, `several Indiana GOP insiders`, `a source close to
 * the campaign`, `many people`, `some`: determiners, up to four modifiers and a
 * head that names no one, then an optional qualifier.
 */
function groupPhrase(tokens: readonly Token[], start: number, lexicon: VagueLexicon): GroupPhrase | undefined {
  const first = tokens[start]
  if (definedBefore(tokens, start) || besideName(tokens, start)) return undefined
  // “Republican insiders”: the phrase starts at its first modifier, not inside it.
  const previous = tokens[start - 1]
  if (!lexicon.determiners.has(first.lower) && !lexicon.quantifiers.has(first.lower) && previous && (isModifierWord(previous, lexicon) || lexicon.determiners.has(previous.lower))) return undefined
  if (lexicon.quantifiers.has(first.lower)) {
    // “some say”, “was seen by some”, “some who advocate free speech argue”: the quantifier is the source.
    if (!quantifierOpens(tokens, start, lexicon)) return undefined
    if (tokens[start + 1]?.lower === 'who') return {end: qualifierEnd(tokens, start + 1, lexicon) ?? start + 1, bare: false}
    if (isBareAt(tokens, start, lexicon)) return {end: start + 1, bare: true}
    // “seen by some”, “according to some on Twitter”, not “according to some predictions”.
    const next = tokens[start + 1]
    if (cueBefore(tokens, start, lexicon) && (next === undefined || next.kind !== 'word' || lexicon.qualifiers.some((words) => matches(tokens, start + 1, words)) || next.lower === 'in' || next.lower === 'as')) {
      return {end: start + 1, bare: true}
    }
  }
  let index = start
  const determiners: Token[] = []
  while (index < tokens.length && determiners.length < 2 && lexicon.determiners.has(tokens[index].lower)) determiners.push(tokens[index++])
  let modifiers = 0
  while (index < tokens.length && modifiers <= maxModifiers) {
    const token = tokens[index]
    const head = headKind(token, lexicon)
    if (head) return isApposition(tokens, start) ? undefined : headPhrase(tokens, index, head, determiners, lexicon)
    // “far-right commentators”: hyphens join modifiers; anything else ends the phrase.
    if (!(token.kind === 'word' || token.text === '-') || isStop(token, lexicon)) return undefined
    // Modifiers open a phrase only at its first word: “said several observers” starts at `several`;
    // “echoing security experts”: a verb in -ing is no modifier.
    if (determiners.length === 0 && modifiers === 0 && ((index > 0 && isModifierWord(tokens[index - 1], lexicon)) || isParticiple(token))) return undefined
    modifiers++
    index++
  }
  return undefined
}

/** Words a clause opens with, before a bare quantifier that is its subject: “that some say”, “, many believe”. */
const clauseOpeners = new Set(['that', 'who', 'which', 'but', 'and', 'while', 'because', 'when', 'although', 'though', 'since', 'where', 'so', 'yet', 'with', 'as', 'what', 'even', 'now', 'still', 'also', 'why', 'if', 'whether', 'however', 'by', 'among', 'to'])

/** A bare quantifier opens the sentence or a clause (`But few believe`), not `the candidates most often described`. */
function quantifierOpens(tokens: readonly Token[], start: number, lexicon: VagueLexicon): boolean {
  const before = tokens[start - 1]
  if (!before || before.kind !== 'word') return true
  // “leaving some to question”, not “causing some worry”.
  if (lexicon.causes.some((words) => matches(tokens, start + 1, words))) return true
  return clauseOpeners.has(before.lower)
}

/** `Ward and other digital security experts`, `Mr. Trump, and others,`: a group beside a named person. */
function besideName(tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1]?.lower
  if (before !== 'and' && before !== 'or') return false
  const name = tokens[start - 2]?.text === ',' ? start - 3 : start - 2
  return name > 0 && tokens[name].capitalized
}

/** `Two-thirds of Democratic insiders`, `Those Republican insiders who`: part of a group the article defined. */
function definedBefore(tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1]?.lower
  return before === 'of' || before === 'those' || before === 'these'
}

/** `Shane Shook, a cyber security expert who …, said`, `Mr. Lewandowski, now a paid CNN commentator,`: an apposition to a name. */
function isApposition(tokens: readonly Token[], start: number): boolean {
  let index = start - 1
  while (index > 0 && (tokens[index].lower === 'now' || tokens[index].lower === 'also')) index--
  // “Rather, sources close to her campaign say”: a capitalised first word before a comma is no name.
  const name = index > 1 ? tokens[index - 1] : undefined
  return tokens[index]?.text === ',' && name !== undefined && (name.capitalized || name.text === ')')
}

/** `echoing`, `citing`: a verb in -ing, not a modifier (`leading` experts are). */
function isParticiple(token: Token): boolean {
  return token.lower.endsWith('ing') && token.lower !== 'leading'
}

type HeadKind = 'group' | 'singular' | 'people' | 'someone'

function headKind(token: Token, lexicon: VagueLexicon): HeadKind | undefined {
  const word = token.lower
  if (lexicon.groups.has(word)) return 'group'
  if (lexicon.singulars.has(word)) return 'singular'
  if (lexicon.people.has(word)) return 'people'
  if (lexicon.someone.has(word)) return 'someone'
  return undefined
}

function headPhrase(tokens: readonly Token[], head: number, kind: HeadKind, determiners: readonly Token[], lexicon: VagueLexicon): GroupPhrase | undefined {
  const end = head + 1
  if (namesExample(tokens, end, lexicon)) return undefined
  const qualified = qualifierEnd(tokens, end, lexicon)
  if (qualified === null) return undefined
  // “someone in the audience”: a person present, not a source.
  if (kind === 'someone') return determiners.length === 0 && qualified === undefined ? {end, bare: false} : undefined
  // “six-million people who lost their health insurance”: a relative clause does not make people a source.
  if (qualified !== undefined && !(kind === 'people' && tokens[end]?.lower === 'who')) return {end: qualified, bare: false}
  // “a source said”, “one critic”: a singular needs its determiner.
  if (kind === 'singular') return determiners.length > 0 ? {end, bare: false} : undefined
  // “many people think”, not “34,000 people said” or “people said”.
  if (kind === 'people') return determiners.some((token) => lexicon.groupDeterminers.has(token.lower)) ? {end, bare: false} : undefined
  return {end, bare: false}
}

/**
 * The end of a qualifier after a head (`close to the vice president`, `who
 * advocate free speech`, `, who was not authorized to speak on the record,`),
 * `undefined` when there is none, `null` when it names an organisation
 * (`experts at the Institute for Fiscal Studies`).
 */
function qualifierEnd(tokens: readonly Token[], end: number, lexicon: VagueLexicon): number | undefined | null {
  const next = tokens[end]
  if (!next) return undefined
  // “an intelligence source, who was not authorized to speak on the record, told”.
  if (next.text === ',' && tokens[end + 1]?.lower === 'who') {
    for (let index = end + 2; index < tokens.length && index - end <= maxQualifier + 4; index++) {
      if (tokens[index].text === ',') return index + 1
    }
    return undefined
  }
  if (lexicon.namedLinks.has(next.lower) && tokens[end + 1] && startsName(tokens, end + 1)) return null
  const qualifier = lexicon.qualifiers.find((words) => matches(tokens, end, words))
  if (!qualifier) return undefined
  // The qualifier runs to the cue, found by the caller: return the end of its first words plus the phrase they govern.
  let index = end + qualifier.length
  while (index < tokens.length && index - end <= maxQualifier && !isCueWord(tokens, index, lexicon) && !isBoundary(tokens[index])) index++
  return index
}

/** `the Institute`, `Harvard`, `Goldman Sachs`: a capitalised name, after an optional `the`. */
function startsName(tokens: readonly Token[], index: number): boolean {
  const first = tokens[index]?.lower === 'the' ? tokens[index + 1] : tokens[index]
  return first?.kind === 'word' && first.capitalized
}

/** `critics like Huffman`, `experts, including Paul Bauman`, `another critic, Laurence H. Tribe`. */
function namesExample(tokens: readonly Token[], end: number, lexicon: VagueLexicon): boolean {
  const at = tokens[end]?.text === ',' ? end + 1 : end
  const example = lexicon.namedExamples.find((words) => matches(tokens, at, words))
  if (example) return startsName(tokens, at + example.length)
  return at > end && tokens[at]?.kind === 'word' && tokens[at].capitalized && !isCueWord(tokens, at, lexicon)
}

/** A bare quantifier is a source only right before its verb (`some say`) or `to` + cue (`many to wonder`). */
function isBareAt(tokens: readonly Token[], index: number, lexicon: VagueLexicon): boolean {
  const next = tokens[index + 1]
  if (!next) return false
  if (next.text === ',') return true
  if (lexicon.causes.some((words) => matches(tokens, index + 1, words))) return true
  let at = index + 1
  while (at < tokens.length && (lexicon.between.has(tokens[at].lower) || lexicon.progressive.has(tokens[at].lower))) at++
  return isCueWord(tokens, at, lexicon)
}

/** `said several observers`, `according to sources`, `seen by some`, `concerns among experts`: a cue before the group. */
function cueBefore(tokens: readonly Token[], start: number, lexicon: VagueLexicon): [number, number] | undefined {
  const previous = tokens[start - 1]
  if (!previous) return undefined
  if (previous.lower === 'to' && tokens[start - 2]?.lower === 'according') return [start - 2, start]
  if (lexicon.invertedCues.has(previous.lower)) {
    // “…, said several observers”, “…,” says a source: the verb follows a comma, a quote or the sentence start.
    const before = tokens[start - 2]
    if (!before || before.text === ',' || isQuoteMark(before)) return [start - 1, start]
  }
  if (previous.lower === 'by') {
    // “was seen by some”, “was viewed as a victory by some in the movement”.
    for (let index = start - 2; index >= 0 && start - index <= 6; index--) {
      if (lexicon.agentVerbs.has(tokens[index].lower) && lexicon.passiveBe.has(tokens[index - 1]?.lower ?? '')) return [index - 1, index + 1]
    }
  }
  if (lexicon.nounLinks.has(previous.lower)) {
    // “concerns among intelligence experts”, “dire warnings from medical experts”.
    const noun = tokens[start - 2]
    if (noun && lexicon.nounCues.has(noun.lower)) return [start - 2, start - 1]
  }
  return undefined
}

/** `critics have likened`, `some are quietly saying`, `many to wonder`: the cue after the group. */
function cueAfter(tokens: readonly Token[], end: number, bare: boolean, lexicon: VagueLexicon): [number, number] | undefined {
  let index = end
  // “Trump, many think, is”: the aside's comma.
  if (bare && tokens[index]?.text === ',') index++
  const cause = lexicon.causes.find((words) => matches(tokens, index, words))
  if (cause) return [index, index + cause.length]
  while (index < tokens.length && index - end <= 4 && (lexicon.between.has(tokens[index].lower) || lexicon.progressive.has(tokens[index].lower) || tokens[index].text === ',')) {
    index++
  }
  return isCueWord(tokens, index, lexicon) ? [index, cueEnd(tokens, index, lexicon)] : undefined
}

/** A cue verb, not an act (`called for`), with the particle it needs (`point to`). */
function isCueWord(tokens: readonly Token[], index: number, lexicon: VagueLexicon): boolean {
  const token = tokens[index]
  if (!token || token.kind !== 'word' || !lexicon.cues.has(token.lower)) return false
  const particle = tokens[index + 1]?.lower ?? ''
  const particles = lexicon.particles[token.lower] ?? []
  if (lexicon.requiredParticles.has(token.lower)) return particles.includes(particle)
  return !particles.includes(particle)
}

function cueEnd(tokens: readonly Token[], index: number, lexicon: VagueLexicon): number {
  return lexicon.requiredParticles.has(tokens[index].lower) ? index + 2 : index + 1
}

/**
 * `it is said`, `It's been reported that`, `it is widely believed`, and `X is
 * said to`, `advisers are said to`, `is thought to be`: a passive of a claim
 * with no agent.
 */
function passiveAt(tokens: readonly Token[], start: number, lexicon: VagueLexicon): VagueCredit | undefined {
  const first = tokens[start]
  const it = first.lower === 'it' || first.lower === "it's" || first.lower === 'it’s'
  let index = start + 1
  let be = first.lower !== 'it'
  if (!it) {
    // “Priebus was said to”: the subject is the word before the verb group.
    if (!lexicon.passiveBe.has(first.lower)) return undefined
    index = start
    be = false
  }
  while (index < tokens.length && index - start <= 5) {
    const word = tokens[index].lower
    if (lexicon.passiveBe.has(word)) be = true
    else if (!lexicon.passiveBetween.has(word)) break
    index++
  }
  const verb = tokens[index]
  if (!be || !verb || verb.kind !== 'word') return undefined
  const after = tokens[index + 1]
  if (it) {
    if (!lexicon.itPassiveCues.has(verb.lower)) return undefined
    // “it was reported to the police”, “it was said by Mr Khan”: someone is named, or it is no claim.
    if (after && (after.lower === 'to' || after.lower === 'by' || after.lower === 'as' || after.lower === 'in')) return undefined
    return {form: 'passive', source: [start, start + 1], cue: [start, index + 1]}
  }
  if (!lexicon.toPassiveCues.has(verb.lower) || after?.lower !== 'to') return undefined
  // “is said to pander”, “are said to have”, not “was reported to police”.
  const infinitive = tokens[index + 2]
  if (!infinitive || infinitive.kind !== 'word' || infinitive.capitalized || lexicon.determiners.has(infinitive.lower) || !isVerbAfterTo(infinitive)) return undefined
  const subject = start - 1
  if (subject < 0 || tokens[subject].kind !== 'word') return undefined
  return {form: 'passive', source: [subject, start], cue: [start, index + 2]}
}

/** Nouns that follow `reported to` / `said to` as places or people, not verbs: `reported to police`. */
const nounsAfterTo = new Set(['police', 'authorities', 'officials', 'him', 'her', 'them', 'me', 'us', 'date', 'hospital', 'court'])

function isVerbAfterTo(token: Token): boolean {
  return !nounsAfterTo.has(token.lower) && !/^\d/.test(token.text)
}

/** Words that end a modifier run: clause words, verbs of being, pronouns, cues. */
const stopWords = new Set(['that', 'and', 'but', 'or', 'when', 'which', 'who', 'as', 'after', 'while', 'because', 'if', 'so', 'since', 'though', 'where', 'before', 'than', 'to', 'of', 'in', 'on', 'at', 'with', 'by', 'from', 'for', 'about', 'into', 'is', 'was', 'were', 'are', 'be', 'been', 'has', 'have', 'had', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'these', 'those', 'not', 'no', 'there', 'said', 'says', 'say', 'told', 'according', 'among', 'between', 'over', 'under', 'against', 'without', 'within', 'during', 'like', 'than', 'all', 'any', 'each', 'every', 'both', 'such', 'what', 'how', 'why', 'whom', 'whose', 'would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did', 'also', 'even', 'just', 'only', 'more', 'less', 'very', 'most', 'many', 'some', 'few', 'other', 'others'])

function isStop(token: Token, lexicon: VagueLexicon): boolean {
  return token.kind === 'word' && (stopWords.has(token.lower) || lexicon.cues.has(token.lower) || lexicon.determiners.has(token.lower))
}

/** Whether the token before a phrase could be a modifier of it: then the phrase starts there. */
function isModifierWord(token: Token, lexicon: VagueLexicon): boolean {
  return token.kind === 'word' && !isStop(token, lexicon)
}

function matches(tokens: readonly Token[], start: number, words: readonly string[]): boolean {
  return words.every((word, offset) => tokens[start + offset]?.lower === word)
}

function isQuoteMark(token: Token): boolean {
  return token.text === '"' || token.text === '”' || token.text === '“' || token.text === "'" || token.text === '’'
}
