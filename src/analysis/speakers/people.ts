/**
 * Person mentions and the people they name. A mention is a run of
 * capitalised words (with name particles: `al-Khodhr`, `bin`) left once
 * titles and roles are stripped (`US Defence Secretary Jim Mattis` → `Jim
 * Mattis`, titled). It names a person when there is evidence: a title or
 * role, a reporting verb after it, a configured alias, a pronoun in the same
 * sentence pointing back at a lone subject (`Saeed heads … on his head`), or
 * a surname accepted elsewhere in the article. Mentions are linked into
 * people by surname.
 */
import type {Block, SentenceInfo} from '../types.js'
import {firstNameGender, isFirstName, lowerTitleKey, nameParticles, notNames, quotingCues, strongCues, titleHeads, titleKey, titleWords, weakCues} from './lexicon.js'
import {isEnglishWord, isProperNoun} from '../nlcst/lexicon.js'
import {lowerCase} from '../../parse/node-text.js'
import {withoutPossessive, type Token} from './tokens.js'

export interface Person {
  /** The fullest name the article gives (`Jim Mattis`). */
  name: string
  /** Surname key: last name token, lower case (`mattis`, `al-sabah`). */
  readonly key: string
  /** Title and role words seen with the person (`defence`, `secretary`, `general`). */
  readonly titles: Set<string>
  readonly mentions: Mention[]
  /** Declared in the config's `people`. */
  readonly declared: boolean
  /** From a title (`Mr`, `Ms`) or a pronoun already resolved to the person. */
  gender: 'male' | 'female' | undefined
}

export interface Mention {
  readonly block: Block
  readonly sentence: SentenceInfo
  /** Offsets of the name, without titles. */
  readonly start: number
  readonly end: number
  /** Token indexes in the sentence of the first and past-the-last name token. */
  readonly first: number
  readonly last: number
  readonly names: readonly string[]
  readonly titles: readonly string[]
  /** A full name (two or more name tokens) or a titled name introduces a person. */
  readonly introduces: boolean
  person?: Person
}

// “al-Khodhr”, “bin-Salman”: a lower-case particle joined to a name.
const particleName = /^(?:al|el|bin|ibn|abu|ben|ud|ul)-\p{Lu}/u
// “US”, “NATO”, “AP”: all capitals, an acronym rather than a name; not the initial “R.”.
const acronym = /^\p{Lu}{2,}$/u
// A name's shape: “Mattis”, “O'Brien”, “Mohi-Uddin”, “R.”, “al-Khodhr”; not “Ex-BBC”, “Anti-abortion”, “MPs”, “I'm”.
const nameShape = /^(?:(?:al|el|bin|ibn|abu|ben|ud|ul|van|de)-)?\p{Lu}(?:\p{Ll}+(?:\p{Lu}\p{Ll}+)?|\.)(?:['’-](?:\p{Lu}\p{Ll}*|(?:al|el|ud|ul|van|de|bin)(?=-)))*(?:-\p{Lu}\p{Ll}+)*(?:['’]s?)?$/u
const possessivePronouns = new Set(['his', 'her'])
// “Organisers”, “Gibraltarians”, “Gurkhas”: a plural noun or demonym, not a surname.
const pluralNoun = /(?:ers|ians|ans|as|ists|ors)$/u
// “Trump’s”, "Saeed's": a possessive ends a name.
const possessiveEnd = /['’]s?$/u

interface Candidate {
  readonly sentence: SentenceInfo
  readonly tokens: readonly Token[]
  readonly first: number
  readonly last: number
  readonly names: readonly string[]
  readonly titles: readonly string[]
  readonly evident: boolean
}

/**
 * Candidate names of a sentence, with whether the sentence alone shows they
 * are people; `speakers` are the token ranges the sentence's cues credit.
 */
export function nameCandidates(
  sentence: SentenceInfo,
  tokens: readonly Token[],
  aliases: ReadonlySet<string>,
  speakers: ReadonlyArray<{readonly range: readonly [number, number]; readonly strong: boolean; readonly channel?: boolean}>
): Candidate[] {
  const candidates: Candidate[] = []
  let index = 0
  while (index < tokens.length) {
    if (!isNameToken(tokens, index)) {
      index++
      continue
    }
    let end = index
    while (end < tokens.length && isNameToken(tokens, end)) end++
    const candidate = candidateOf(sentence, tokens, index, end, aliases, speakers)
    if (candidate) candidates.push(candidate)
    index = end
  }
  return candidates
}

function isNameToken(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]
  if (token.kind !== 'word') return false
  if (token.capitalized || particleName.test(token.text)) return true
  // “Osama bin Laden”: a particle between two capitalised words.
  return nameParticles.has(token.lower) && tokens[index - 1]?.capitalized === true && tokens[index + 1]?.capitalized === true
}

function candidateOf(
  sentence: SentenceInfo,
  tokens: readonly Token[],
  start: number,
  end: number,
  aliases: ReadonlySet<string>,
  speakers: ReadonlyArray<{readonly range: readonly [number, number]; readonly strong: boolean; readonly channel?: boolean}>
): Candidate | undefined {
  let first = start
  // Most runs have no title (“The”, “Mr”): the array is made for the first one.
  let titles: string[] | undefined
  while (first < end) {
    const key = lowerTitleKey(tokens[first].lower)
    const isTitle = titleWords.has(key)
    if (!isTitle && !notNames.has(tokens[first].lower)) break
    if (isTitle) (titles ??= []).push(key)
    first++
  }
  // “the firebrand cleric Hafiz Saeed”, “prime minister Shahid Khaqan Abbasi”: a role in lower case before.
  const before = tokens[start - 1]
  if (before?.kind === 'word' && !before.capitalized && titleHeads.has(before.lower)) (titles ??= []).push(before.lower)
  // “the Brit Awards”, “Fiat chief executive Giuseppe Morchio”: a name with `the` before it or a
  // role after it is an organisation or a place.
  const after = tokens[end]
  if (!titles && (before?.lower === 'the' || (after?.kind === 'word' && !after.capitalized && titleHeads.has(after.lower)))) return undefined
  // “New Jersey Gov. Chris Christie”, “Ohio Governor John Kasich”: a place before a title; the name follows the title.
  for (let index = end - 2; index > first; index--) {
    const key = lowerTitleKey(tokens[index].lower)
    if (!titleWords.has(key) || !tokens[index + 1].capitalized || (end - index - 1 < 2 && !honorifics.has(key))) continue
    ;(titles ??= []).push(key)
    first = index + 1
    break
  }
  let last = first
  while (last < end && !notNames.has(lowerWithoutPossessive(tokens[last]))) {
    last++
    if (possessiveEnd.test(tokens[last - 1].text)) break
  }
  if (last === first || last - first > 4) return undefined
  const names: string[] = []
  for (let index = first; index < last; index++) {
    const name = withoutPossessive(tokens[index].text)
    // `David French`, `Peter T. King`: a title word after a first name is a surname.
    if (!isNameShaped(name) && !(index > first && titleSurnames.has(titleKey(name)) && nameShape.test(name))) return undefined
    names.push(name)
  }

  // A cue's speaker: a full name anywhere (“Khawaja Asif said”), a lone name only where the cue
  // can credit nothing else (“the Dawn quoted Pompeo as saying”).
  const evident =
    titles !== undefined ||
    isGivenName(names) ||
    isCreditedSpeaker(speakers, tokens, first, last, names) ||
    (aliases.size > 0 && aliases.has(names.join(' ').toLowerCase())) ||
    isLoneSubjectWithPronoun(tokens, first, last)
  return {sentence, tokens, first, last, names, titles: titles ?? noTitles, evident}
}

const noTitles: readonly string[] = []
/** Titles that name a person before a lone surname: `Texas Sen. Cruz`, `Ohio Gov. Kasich`. */
const honorifics = new Set(['mr', 'mrs', 'ms', 'dr', 'gov', 'governor', 'sen', 'senator', 'rep', 'representative', 'president', 'mayor', 'minister', 'secretary', 'gen', 'general'])
/** Title words that are also surnames, taken as names after a first name. */
const titleSurnames = new Set(['king', 'french', 'major', 'bishop', 'judge', 'marshal', 'mayor', 'cardinal', 'prince', 'general', 'chief', 'justice', 'dean', 'english', 'young'])

// “Virginia Beach”, “Georgia Tech”, “Jackson Hole”: a first name before a place or organisation word.
const placeEnds = /^(?:Beach|Tech|State|States|University|County|City|Street|Avenue|Park|Center|Centre|Institute|College|School|Club|Foundation|Fund|Times|Post|News|Group|Party|Valley|River|Lake|Mountain|Mountains|Island|Islands|Bay|Springs|Falls|Heights|Square|Road|Airport|Hospital|Church|Company|Inc|Corp|Hole|Hall|Court|Bridge|Station|Cup|Award|Awards|Prize|Act|Law|Day|Street|Tower|Towers|Building|Stadium|Arena|Garden|Gardens|Museum|Library|Press|Media|Network|Report|Journal|Magazine|Herald|Tribune|Coast|Sea|Ocean|Harbor|Harbour|Port|Town|Village|District|Province|Region|Republic|Kingdom|Empire|Mall|Market|Hotel|Restaurant|Bank|Capital|Partners|Associates|Holdings|Motors|Airlines|Studios|Records|Pictures|Entertainment|Foods|Energy|Technologies|Systems|Labs|Laboratories|Health|Care|Clinic|Academy|Society|Association|Council|Committee|Commission|Agency|Department|Ministry|Office|Service|Services|Forces|Army|Navy|Guard|Police|Corps)$/u

/** `Janet Morrow`, `Hope Hicks`: a known first name opens a name of two or more words. */
function isGivenName(names: readonly string[]): boolean {
  return names.length >= 2 && isFirstName(names[0]) && !placeEnds.test(names[names.length - 1])
}

/** `withoutPossessive(token.text)` in lower case: the token's own `lower` when there is no possessive (most). */
function lowerWithoutPossessive(token: Token): string {
  const name = withoutPossessive(token.text)
  return name === token.text ? token.lower : lowerCase(name)
}

/** A name as names are written (`Mattis`, `al-Khodhr`), not an acronym (`NATO`) or a title (`Gen.`). */
function isNameShaped(name: string): boolean {
  return !acronym.test(name) && nameShape.test(name) && !titleWords.has(titleKey(name))
}

/** Whether a cue credits the names `first`–`last` as its speaker (see `candidateOf`). */
function isCreditedSpeaker(
  speakers: ReadonlyArray<{readonly range: readonly [number, number]; readonly strong: boolean; readonly channel?: boolean}>,
  tokens: readonly Token[],
  first: number,
  last: number,
  names: readonly string[]
): boolean {
  for (const {range, strong, channel} of speakers) {
    if (first < range[0] || last > range[1]) continue
    // `Fathi Bin Shatwan, Libya's oil minister, told`, `said Swedish trades union official Ulf Carlsson`:
    // a lone name that owns, follows a preposition or modifies a noun inside the subject is not the one credited.
    if (names.length === 1 && channel !== true && !isHeadOfSubject(tokens, first, last)) continue
    // `the Echo quoted Smith as saying`: only a person is quoted by a channel, whatever the dictionary says of `Smith`.
    // `"…," Brown told the Globe`: a name credited for a quote is a person, unless it is only a common word (`Labour`, `Defence`).
    if (names.length >= 2 || channel === true || (strong && (!isEnglishWord(names[0]) || isProperNoun(names[0])))) return true
  }
  return false
}

const subjectPrepositions = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'about', 'in', 'on', 'like'])

/** A name that heads a speaker phrase: not a possessor (`Toyota's`), not after a preposition, not a modifier (`Swedish trades`). */
function isHeadOfSubject(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1]
  const after = tokens[last]
  if (before?.kind === 'word' && subjectPrepositions.has(before.lower)) return false
  if (after === undefined) return true
  if (after.text.startsWith("'") || after.text.startsWith('’')) return false
  const modifies = after.kind === 'word' && !after.capitalized && !after.lower.endsWith('ly')
  return !modifies || subjectFollowers.has(after.lower) || strongCues.has(after.lower) || weakCues.has(after.lower) || quotingCues.has(after.lower)
}

/** Words after a subject name that are not nouns it modifies (`Brown also said`, `Brown, who`). */
const subjectFollowers = new Set(['also', 'had', 'has', 'have', 'would', 'will', 'could', 'did', 'was', 'is', 'then', 'later', 'again', 'still', 'never', 'once', 'and', 'who', 'on', 'in', 'at', 'of', 'for', 'to', 'with', 'from', 'by'])

/** “Saeed heads the group and has a bounty on his head”: one name opens the sentence, a pronoun follows. */
function isLoneSubjectWithPronoun(tokens: readonly Token[], first: number, last: number): boolean {
  // “Sadly comments such as his”, “Chelsea … his side”: a word or a place the dictionary knows is no
  // surname here; only an unknown name (“Saeed”) is taken on this evidence.
  if (first !== 0 || last - first !== 1) return false
  // The sentence first (cheap), the dictionary last.
  const next = tokens[last]
  if (next?.kind !== 'word' || next.capitalized || next.lower === 'that' || !hasPossessivePronoun(tokens, last)) return false
  const word = tokens[first].text
  return !(isEnglishWord(word) || isProperNoun(word) || pluralNoun.test(word))
}

function hasPossessivePronoun(tokens: readonly Token[], from: number): boolean {
  for (let index = from; index < tokens.length; index++) if (possessivePronouns.has(tokens[index].lower)) return true
  return false
}

/** Accept candidates with evidence, then those whose surname an accepted one has; link by surname. */
export function linkPeople(candidates: readonly Candidate[], declared: ReadonlyMap<string, string>): {people: Person[]; mentions: Mention[]} {
  const accepted = new Set<string>(declared.values())
  for (const candidate of candidates) if (candidate.evident) accepted.add(keyOf(candidate.names))

  const people = new Map<string, Person>()
  const mentions: Mention[] = []
  for (const candidate of candidates) {
    // Most configs declare no people: no joined name to look up.
    const key = (declared.size > 0 ? declared.get(candidate.names.join(' ').toLowerCase()) : undefined) ?? keyOf(candidate.names)
    if (!accepted.has(key)) continue
    const {sentence, tokens, first, last, names, titles} = candidate
    let person = people.get(key)
    if (!person) {
      person = {name: names.join(' '), key, titles: new Set(), mentions: [], declared: declared.has(key), gender: undefined}
      people.set(key, person)
    }
    if (names.length > person.name.split(' ').length) person.name = names.join(' ')
    if (names.length >= 2 && titles.length === 0) person.gender ??= firstNameGender(names[0])
    for (const title of titles) {
      person.titles.add(title)
      person.gender ??= genderOf(title)
    }
    const mention: Mention = {
      block: sentence.block,
      sentence,
      start: tokens[first].start,
      end: tokens[last - 1].end,
      first,
      last,
      names,
      titles,
      introduces: names.length >= 2 || titles.length > 0,
      person
    }
    person.mentions.push(mention)
    mentions.push(mention)
  }
  return {people: [...people.values()], mentions}
}

export function keyOf(names: readonly string[]): string {
  return lowerCase(names[names.length - 1])
}

const maleTitles = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'sheikh', 'emir', 'sultan', 'pope', 'congressman', 'spokesman', 'chairman'])
const femaleTitles = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'congresswoman', 'spokeswoman', 'chairwoman'])

function genderOf(title: string): Person['gender'] {
  if (maleTitles.has(title)) return 'male'
  if (femaleTitles.has(title)) return 'female'
  return undefined
}
