/** The progress bar: its line, its throttle and delay (on an injected clock), and its erasing. */
import {describe, expect, it} from 'vitest'
import {formatElapsed, ProgressBar, progressAllowed, renderProgress} from '../src/cli/progress.js'
import {countFiles} from '../src/run/run.js'

const draw = (line: string) => `\r${line}\u001B[K`
const erase = '\r\u001B[K'

/** A bar on a fake terminal `columns` wide, with a clock the test moves. */
function fakeBar(columns = 80) {
  const written: string[] = []
  let time = 1000
  const bar = new ProgressBar({write: (text) => written.push(text), columns: () => columns}, {now: () => time})
  return {
    bar,
    written,
    advance(milliseconds: number) {
      time += milliseconds
    }
  }
}

describe('renderProgress', () => {
  it('should draw the bar, the count, the percentage and the time, 40 wide at most', () => {
    expect(renderProgress(1234, 22250, 12_345, 80)).toBe('[==>                                     ] 1234/22250 files  5%  12.3 s')
    expect(renderProgress(0, 100, 0, 200)).toBe('[>' + ' '.repeat(39) + '] 0/100 files  0%  0.0 s')
    expect(renderProgress(100, 100, 61_000, 200)).toBe('[' + '='.repeat(40) + '] 100/100 files  100%  1 min 01 s')
  })

  it('should fit the terminal, leaving its last column empty', () => {
    const line = renderProgress(50, 100, 1000, 50)
    expect(line).toBe('[' + '='.repeat(11) + '>' + ' '.repeat(10) + '] 50/100 files  50%  1.0 s')
    expect(line.length).toBe(49)
  })

  it('should leave the bar out on a narrow terminal, and cut the text on a very narrow one', () => {
    expect(renderProgress(50, 100, 1000, 35)).toBe('50/100 files  50%  1.0 s')
    expect(renderProgress(50, 100, 1000, 11)).toBe('50/100 fil')
  })

  it('should take 80 columns when the terminal does not say', () => {
    expect(renderProgress(1, 2, 0, 0)).toBe(renderProgress(1, 2, 0, 80))
  })

  it('should never go past the total', () => {
    expect(renderProgress(12, 10, 0, 80)).toBe(renderProgress(10, 10, 0, 80))
  })
})

describe('formatElapsed', () => {
  it('should give tenths of seconds under a minute, then minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('0.0 s')
    expect(formatElapsed(59_940)).toBe('59.9 s')
    expect(formatElapsed(59_960)).toBe('0 min 59 s')
    expect(formatElapsed(60_000)).toBe('1 min 00 s')
    expect(formatElapsed(3_725_000)).toBe('62 min 05 s')
  })
})

describe('ProgressBar', () => {
  it('should draw nothing in the first half second', () => {
    const {bar, written, advance} = fakeBar()
    bar.start(100)
    for (let done = 0; done < 10; done++) {
      advance(40)
      bar.tick()
    }
    expect(written).toEqual([])
    advance(100)
    bar.tick()
    expect(written).toEqual([draw(renderProgress(11, 100, 500, 80))])
  })

  it('should redraw at most every 100 ms however many files are done', () => {
    const {bar, written, advance} = fakeBar()
    bar.start(100_000)
    advance(500)
    for (let done = 0; done < 100_000; done++) {
      if (done % 1000 === 0) advance(10)
      bar.tick()
    }
    // 1,000 ms of ticks: a draw at 510 ms (past the delay), then one per 100 ms, the last at 1,410 ms.
    expect(written).toHaveLength(10)
    expect(written.at(-1)).toBe(draw(renderProgress(90_001, 100_000, 1410, 80)))
  })

  it('should draw nothing for a run over few files, or before the total is known', () => {
    const few = fakeBar()
    few.bar.start(9)
    few.advance(5000)
    for (let done = 0; done < 9; done++) few.bar.tick()
    expect(few.written).toEqual([])

    const unknown = fakeBar()
    unknown.advance(5000)
    unknown.bar.tick()
    expect(unknown.written).toEqual([])
  })

  it('should erase itself before a warning and draw again after it', () => {
    const {bar, written, advance} = fakeBar()
    const warn = bar.around((text) => written.push(text))
    bar.start(20)
    advance(600)
    bar.tick()
    warn('factcheck: a.txt: no such file or folder\n')
    expect(written).toEqual([
      draw(renderProgress(1, 20, 600, 80)),
      erase,
      'factcheck: a.txt: no such file or folder\n',
      draw(renderProgress(1, 20, 600, 80))
    ])
  })

  it('should write around it untouched while it is not drawn, and pass empty text through', () => {
    const {bar, written, advance} = fakeBar()
    const warn = bar.around((text) => written.push(text))
    bar.start(20)
    warn('early\n')
    advance(600)
    bar.tick()
    warn('')
    expect(written).toEqual(['early\n', draw(renderProgress(1, 20, 600, 80)), ''])
  })

  it('should erase itself when the run ends, and draw no more', () => {
    const {bar, written, advance} = fakeBar()
    bar.start(20)
    advance(600)
    bar.tick()
    bar.end()
    advance(600)
    bar.tick()
    bar.end()
    expect(written).toEqual([draw(renderProgress(1, 20, 600, 80)), erase])
  })

  it('should follow the terminal width as it changes', () => {
    let columns = 80
    const written: string[] = []
    let time = 0
    const bar = new ProgressBar({write: (text) => written.push(text), columns: () => columns}, {now: () => time})
    bar.start(20)
    time = 600
    bar.tick()
    columns = 40
    time = 800
    bar.tick()
    expect(written).toEqual([draw(renderProgress(1, 20, 600, 80)), draw(renderProgress(2, 20, 800, 40))])
  })
})

describe('progressAllowed', () => {
  it('should allow a bar on a terminal but not in CI or on a dumb terminal', () => {
    expect(progressAllowed({TERM: 'xterm-256color'})).toBe(true)
    expect(progressAllowed({})).toBe(true)
    expect(progressAllowed({CI: ''})).toBe(true)
    expect(progressAllowed({CI: 'true'})).toBe(false)
    expect(progressAllowed({CI: '1'})).toBe(false)
    expect(progressAllowed({TERM: 'dumb'})).toBe(false)
  })
})

describe('countFiles', () => {
  it('should count the files a walk finds, not its problems', () => {
    expect(countFiles([{kind: 'file'}, {kind: 'problem'}, {kind: 'file'}])).toBe(2)
  })
})
