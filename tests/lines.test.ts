/**
 * The line classifier in the shared analysis (src/analysis/lines/): what each
 * block is, read on an excerpt of a real whole-page dump (SlashGear, from the
 * scraped evaluation set): a menu, the headline, prose, a list item.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {analyse} from '../src/analysis/analysis.js'
import {featureNames} from '../src/analysis/lines/features.js'
import {lineModel} from '../src/analysis/lines/classify.js'
import {createProcessor} from '../src/run/processor.js'
import {only} from './helpers.js'

const page = [
  'EXPLORE', 'Tech', 'Cars', 'Gaming', 'Entertainment', 'Science', 'FEATURES', 'Reviews', 'Columns', '',
  'The VW ID. SPACE VIZZION is a weird EV sports wagon with a secret message', '',
  'Volkswagen’s first ID.3 all-electric car based on the new MEB platform isn’t expected until next year, but the automaker isn ‘t slowing down on stacking up new potential models. The VW ID. SPACE VIZZION is the seventh EV to use the modular electric drive matrix, and its electric Gran Turismo is arguably the most striking yet.', '',
  '• Range: up to 590 km on the WLTP cycle', ''
].join('\n')

function readings(value: string) {
  const file = new VFile({path: 'a.txt', value})
  const analysis = analyse(createProcessor('text', only('none')).lint(file), file)
  return analysis.blocks.map((block) => {
    const reading = analysis.lineOf(block)
    return `${block.node.position?.start.line} ${reading.class}${reading.kind ? ' ' + reading.kind : ''}${analysis.isProse(block) ? ' (prose)' : ''}`
  })
}

describe('line classifier', () => {
  it('should read a menu as navigation, and tell the headline, prose and a list item apart', () => {
    expect(readings(page)).toEqual([
      '1 furniture navigation', '2 furniture navigation', '3 furniture navigation', '4 furniture navigation', '5 furniture navigation',
      '6 furniture navigation', '7 furniture navigation', '8 furniture navigation', '9 furniture navigation',
      '11 headline', '13 prose (prose)', '15 list-item'
    ])
  })

  it('should read a clean article as headline and prose only', () => {
    const article = 'Ebbers denies WorldCom fraud\n\nFormer WorldCom chief Bernie Ebbers has denied any knowledge of the fraud that led to the firm’s collapse.\n\nHe told jurors in New York that he had not been aware of the accounting.\n'
    expect(readings(article)).toEqual(['1 headline', '3 prose (prose)', '5 prose (prose)'])
  })

  it('should ship a model fitted on the features the analysis computes', () => {
    expect(lineModel.features).toEqual([...featureNames])
    expect(lineModel.furniture.stumps.length).toBeGreaterThan(0)
    expect(Object.keys(lineModel.kinds)).toContain('navigation')
  })
})
