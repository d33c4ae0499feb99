/**
 * The line classifier: what each block of an article is — prose, a headline
 * or subhead, a list item, a byline, a photo caption, or site furniture of
 * some kind (a photo credit, navigation, a related-article headline, a
 * prompt, a timestamp, a reader comment, …). Learned models (model.ts) judge
 * furniture and captions from the block's features and its neighbours'
 * (features.ts); the structural classes come from markup where there is
 * markup and from the line's shape where there is not.
 */
import type {Block} from '../types.js'
import {blockFeatures, featureNames, ownFeatures, type OwnFeatures} from './features.js'
import {probability, strongestFeatures, type LineModel} from './model.js'
import shipped from './data/line-model.json' with {type: 'json'}

export type LineClass = 'prose' | 'headline' | 'list-item' | 'byline' | 'caption' | 'furniture'

/** Furniture kinds the models tell apart (see data/line-model.json `kinds`). */
export type FurnitureKind = 'credit' | 'navigation' | 'related' | 'prompt' | 'timestamp' | 'comment' | 'author' | 'notice' | 'gallery' | 'ad'

export interface LineReading {
  readonly class: LineClass
  /** For furniture: what kind. */
  readonly kind: FurnitureKind | undefined
  /** The models' probabilities that the block is furniture, and a caption. */
  readonly furniture: number
  readonly caption: number
  /** The features that weighed most for the class given (furniture or caption), by name. */
  readonly evidence: readonly string[]
}

/** What a feature says when it weighs for a class, for a message's note. */
const featureWords: Readonly<Record<string, string>> = {
  words: 'its length', chars: 'its length', endsSentence: 'its end mark', endsColon: 'its closing colon', endsAskOrExclaim: 'its end mark',
  stopwords: 'few function words', capitalised: 'capitalised words', allCaps: 'capitals', digits: 'digits', dateWords: 'date words',
  year: 'a year', clock: 'a clock time', address: 'a web or e-mail address', separators: 'separator marks', bracketed: 'brackets',
  copyright: 'a copyright sign', startsBy: 'an opening `By`', startsLower: 'a lower-case start', startsDigit: 'an opening digit',
  startsBullet: 'a bullet', quoted: 'quote marks', verb: 'its verbs', wordLength: 'its word lengths', sentences: 'its sentences',
  'cue:credit': 'photo-credit words', 'cue:share': 'share and sign-up words', 'cue:nav': 'menu words', 'cue:related': 'read-more words',
  'cue:comment': 'comment words', 'cue:notice': 'notice words', 'cue:stamp': 'timestamp words', 'cue:author': 'author-box words',
  repeated: 'it repeats in the text', titleShare: 'words of the headline', isTitle: 'its place', position: 'its place', fromTop: 'its place near the top',
  fromBottom: 'its place near the end', blankBefore: 'the spacing around it', blankAfter: 'the spacing around it',
  prevWords: 'the line before', prevEndsSentence: 'the line before', prevStopwords: 'the line before', prevVerb: 'the line before',
  nextWords: 'the line after', nextEndsSentence: 'the line after', nextStopwords: 'the line after', nextVerb: 'the line after',
  shortRun: 'a run of short lines', shortNear: 'short lines around it', shortShare: 'the many short lines of the text', blocks: 'the length of the text',
  longestBlock: 'the length of the text', proseBefore: 'the story paragraphs before it', proseAfter: 'the story paragraphs after it',
  proseBeforeShare: 'the story paragraphs before it', proseAfterShare: 'the story paragraphs after it', toProseBefore: 'its distance from the story',
  toProseAfter: 'its distance from the story', bodyShare: 'few words of the story', proseLike: 'its shape'
}

/** The evidence of a reading in words: `few function words, menu words and a run of short lines`. */
export function evidenceText(reading: LineReading): string {
  const phrases = [...new Set(reading.evidence.map((name) => featureWords[name] ?? name))]
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`
}

export const lineModel: LineModel = shipped as unknown as LineModel

/** What a block needs from the analysis to be read: its words, their key, the text before it, its verb test (the word list's, no tagger). */
export interface LineSource {
  wordsOf(block: Block): readonly string[]
  wordsKeyOf(block: Block): string
  /** The source text between the previous block and this one. */
  gapBefore(block: Block): string
  textOf(block: Block): string
  hasVerb(block: Block): boolean
  /** Whether markup gave the blocks their kinds (HTML, Markdown); plain text has only its lines. */
  readonly markedUp: boolean
}

// A byline: “By Eric Song , IGN Staff”, “Analysis by Dave Lee”; a name follows.
const bylineStart = /^(?:[\p{L} ]{0,20}\s)?by\s+\p{Lu}/iu
/** Most words a byline has. */
const maxBylineWords = 14
/** Most words a headline or subhead has. */
const maxHeadlineWords = 20

/** Feature vectors of the blocks, in `featureNames` order (for the models and for training); unless `full`, settled prose gets none. */
export function featuresOf(blocks: readonly Block[], source: LineSource, full = true): {own: OwnFeatures[]; values: number[][]} {
  const own = blocks.map((block) => ownFeatures(block.tokens, source.textOf(block), block.sentences.length, () => source.hasVerb(block), full))
  const values = blockFeatures(blocks, own, (block) => source.wordsOf(block), (block) => source.wordsKeyOf(block), (block) => source.gapBefore(block))
  return {own, values}
}

/** Every block's reading, by the model given. */
export function classifyLines(blocks: readonly Block[], source: LineSource, model: LineModel = lineModel): LineReading[] {
  if (model.features.join() !== featureNames.join()) throw new Error('The line model was fitted on other features: run `npm run train`')
  // Long paragraphs of prose are settled without their full features (features.ts `minSettledWords`).
  const {own, values} = featuresOf(blocks, source, false)
  return blocks.map((block, index) => {
    // A long paragraph of prose is neither furniture nor a caption: the models are not asked.
    if (values[index].length === 0) return {class: shapeClass(block, own[index], source), kind: undefined, furniture: 0, caption: 0, evidence: []}
    const furniture = probability(model.furniture, values[index])
    const caption = probability(model.caption, values[index])
    if (furniture >= model.furniture.threshold) {
      let kind: FurnitureKind | undefined
      let best = -1
      for (const [name, kindModel] of Object.entries(model.kinds)) {
        const chance = probability(kindModel, values[index])
        if (chance > best) [kind, best] = [name as FurnitureKind, chance]
      }
      const evidence = strongestFeatures(model.furniture, values[index], featureNames, 4)
      return {class: 'furniture', kind, furniture, caption, evidence}
    }
    const shape = shapeClass(block, own[index], source)
    // Markup names its captions, headings and list items; a plain line is a caption when the model says so.
    const open = source.markedUp ? shape === 'prose' : shape === 'prose' || shape === 'headline'
    if (open && index > 0 && caption >= model.caption.threshold) {
      return {class: 'caption', kind: undefined, furniture, caption, evidence: strongestFeatures(model.caption, values[index], featureNames, 4)}
    }
    return {class: shape, kind: undefined, furniture, caption, evidence: []}
  })
}

/** The class a block's markup or shape gives it: a headline, a list item, a byline, else prose. */
function shapeClass(block: Block, own: OwnFeatures, source: LineSource): LineClass {
  if (source.markedUp) {
    if (block.kind === 'title' || block.kind === 'heading') return 'headline'
    if (block.kind === 'list-item') return 'list-item'
    if (block.kind === 'caption') return 'caption'
  }
  if (own.words > 0 && own.words <= maxBylineWords && bylineStart.test(source.textOf(block).trim())) return 'byline'
  if (own.values[featureNames.indexOf('startsBullet')] === 1) return 'list-item'
  // Plain text: a short line without an end mark is a headline or subhead.
  if (!source.markedUp && !own.endsSentence && own.words > 0 && own.words <= maxHeadlineWords) return 'headline'
  return 'prose'
}
