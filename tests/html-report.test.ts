/**
 * `--format html` in a real browser: Debian's Chromium driven by
 * playwright-core (no browser download). The report of the seed articles
 * loads without console errors, highlights exactly the flagged texts, lists
 * files with errors first, and its filters and search change what is shown;
 * an article full of markup and script shows it as text and runs nothing.
 * Screenshots go to tests/artifacts/ (not committed).
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {factcheck, makeTempDir, removeTempDirs, root, writeTree} from './cli-helpers.js'

const chromiumPath = '/usr/bin/chromium'
const artifacts = path.join(root, 'tests/artifacts')
// CI installs Chromium (.ci/run); elsewhere the suite says it is skipped rather than fail for a missing browser.
const haveBrowser = fs.existsSync(chromiumPath) || process.env.CI !== undefined

let browser: Browser

beforeAll(async () => {
  if (!haveBrowser) return
  fs.mkdirSync(artifacts, {recursive: true})
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  removeTempDirs()
})

/** Open a report, collecting console errors, page errors, dialogs and requests other than the page itself. */
async function open(file: string): Promise<{page: Page; problems: string[]}> {
  const page = await browser.newPage({viewport: {width: 1200, height: 1400}})
  const problems: string[] = []
  const url = pathToFileURL(file).href
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`)
  })
  await page.goto(url)
  await page.waitForSelector('html[data-ready=true]')
  return {page, problems}
}

describe.skipIf(!haveBrowser)('--format html in Chromium', () => {
  const folder = makeTempDir()
  const report = path.join(folder, 'report.html')
  const seeds = ['articles/']
  let json: JsonFile[]

  beforeAll(() => {
    const run = factcheck(['--format', 'html', '--output', report, ...seeds])
    expect(run).toEqual({code: 1, stdout: '', stderr: ''})
    json = JSON.parse(factcheck(['--format', 'json', ...seeds]).stdout) as JsonFile[]
  }, 60_000)

  it('should highlight exactly the flagged text of every message, and load nothing else', async () => {
    const {page, problems} = await open(report)
    const highlighted = await page.evaluate(() => {
      const texts: Record<string, string> = {}
      for (const mark of document.querySelectorAll('mark[data-ids]')) {
        for (const id of mark.getAttribute('data-ids')!.split(' ')) texts[id] = (texts[id] ?? '') + mark.textContent
      }
      return [...document.querySelectorAll('section.file')].map((section) => ({
        path: section.getAttribute('data-path'),
        messages: [...section.querySelectorAll('li.msg')].map((item) => ({rule: item.getAttribute('data-rule'), reason: item.querySelector('.reason')!.textContent, text: texts[item.id] ?? null}))
      }))
    })
    const expected = json.map((file) => ({path: file.path, messages: file.messages.map((m) => ({rule: m.ruleId, reason: m.reason, text: m.actual ?? null}))}))
    const sortedByPath = (files: typeof expected) => [...files].sort((a, b) => String(a.path).localeCompare(String(b.path)))
    // Every message is there, with its reason; its marks read as the flagged text (`actual`).
    expect(sortedByPath(highlighted).map((file) => ({...file, messages: [...file.messages].sort((a, b) => a.reason.localeCompare(b.reason) || a.rule!.localeCompare(b.rule!))}))).toEqual(
      sortedByPath(expected).map((file) => ({...file, messages: [...file.messages].sort((a, b) => a.reason.localeCompare(b.reason) || a.rule.localeCompare(b.rule))}))
    )
    // Every message that flags text has its marks (the seeds hold dozens).
    const flagging = expected.flatMap((file) => file.messages).filter((message) => message.text)
    expect(flagging.length).toBeGreaterThan(50)
    expect(highlighted.flatMap((file) => file.messages).filter((message) => message.text && message.text.length > 0)).toHaveLength(flagging.length)
    await page.screenshot({path: path.join(artifacts, 'html-report-seeds.png')})
    expect(problems).toEqual([])
    await page.close()
  })

  it('should show files with errors first, then the summary counts by rule and severity', async () => {
    const {page, problems} = await open(report)
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('section.file')]
        .map((section) => ({top: section.getBoundingClientRect().top, worst: section.className.replace('file sev-', '')}))
        .sort((a, b) => a.top - b.top)
        .map((file) => file.worst)
    )
    const rank = {error: 0, warning: 1, info: 2, none: 3} as Record<string, number>
    expect(order.map((worst) => rank[worst])).toEqual([...order.map((worst) => rank[worst])].sort())
    expect(order[0]).toBe('error')
    const summaryTop = await page.locator('#summary').evaluate((element) => element.getBoundingClientRect().top)
    const firstFileTop = await page.locator('section.file').first().evaluate((element) => element.getBoundingClientRect().top)
    expect(summaryTop).toBeLessThan(firstFileTop)
    const all = json.flatMap((file) => file.messages)
    const fragments = all.filter((m) => m.ruleId === 'fragment')
    const row = page.locator('#summary tr', {has: page.locator('input[value=fragment]')})
    expect((await row.locator('td.n').allTextContents()).map(Number)).toEqual([0, fragments.length, 0, fragments.length])
    await expect.poll(() => page.locator('#shown').textContent()).toBe(`${all.length} of ${all.length} messages shown, in ${json.length} files`)
    expect(problems).toEqual([])
    await page.close()
  })

  it('should change the list when a filter is clicked or a search typed', async () => {
    const {page, problems} = await open(report)
    const visible = () => page.locator('li.msg:visible').count()
    const all = json.flatMap((file) => file.messages)
    expect(await visible()).toBe(all.length)

    await page.locator('input[name=rule][value=readability]').uncheck()
    const withoutReadability = all.filter((m) => m.ruleId !== 'readability')
    expect(await visible()).toBe(withoutReadability.length)
    expect(await page.locator('li.msg[data-rule=readability]:visible').count()).toBe(0)
    expect(await page.locator('#shown').textContent()).toBe(`${withoutReadability.length} of ${all.length} messages shown, in ${json.length} files`)

    await page.locator('input[name=severity][value=warning]').uncheck()
    await page.locator('input[name=severity][value=info]').uncheck()
    const errors = all.filter((m) => m.severity === 'error')
    expect(await visible()).toBe(errors.length)
    expect(await page.locator('li.msg[data-severity=warning]:visible').count()).toBe(0)

    await page.locator('input[name=severity][value=warning]').check()
    await page.locator('#search').fill('Islamabad on Monday')
    await expect.poll(visible).toBe(
      json.filter((file) => file.path.startsWith('articles/000')).flatMap((file) => file.messages).filter((m) => m.ruleId !== 'readability' && m.severity !== 'info').length
    )
    await page.locator('#search').fill('pivotal role')
    await page.locator('#search').fill('no such words anywhere')
    await expect.poll(visible).toBe(0)
    expect(await page.locator('section.file:visible').count()).toBe(0)
    await page.screenshot({path: path.join(artifacts, 'html-report-filtered.png')})
    expect(problems).toEqual([])
    await page.close()
  })

  it('should show markup and script in an article as text and run nothing', async () => {
    const hostile = makeTempDir()
    const text =
      'The the minister said </script><script>alert(1)</script> was not a comment.\n' +
      'Then <img src=x onerror="alert(2)"> and <b onmouseover=alert(3)>bold</b> appeared, "quoted" & \'single\'.\n' +
      "<!-- --><svg onload=alert(4)> '\"><iframe src=javascript:alert(5)>\n"
    writeTree(hostile, {'a<b>"c".txt': text, 'page.html': `<p>${text.replace(/</g, '&lt;')}</p><p>The the end.</p>\n`})
    const output = path.join(hostile, 'report.html')
    expect(factcheck(['--format', 'html', '--output', output, '.'], {cwd: hostile}).code).toBe(1)
    const {page, problems} = await open(output)
    const shown = await page.evaluate(() => [...document.querySelectorAll('section.file')].map((section) => ({path: section.getAttribute('data-path'), text: [...section.querySelectorAll('.line')].map((line) => line.textContent).join('\n')})))
    expect(shown.find((file) => file.path === 'a<b>"c".txt')).toEqual({path: 'a<b>"c".txt', text})
    expect(await page.locator('img, iframe, svg, b, script:not(:last-of-type)').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
    await page.mouse.move(300, 300)
    await page.screenshot({path: path.join(artifacts, 'html-report-hostile.png')})
    expect(problems).toEqual([])
    await page.close()
  })
})
