/**
 * `--jobs N`: N worker threads that lint articles (parse, analyse, rules),
 * while the run's thread reads files, keeps the cache, matches the corpus and
 * writes the report in run order. Each worker takes at most two articles at a
 * time, so none waits on a round trip; the rest wait here.
 *
 * Each worker's heap is capped (`FACTCHECK_WORKER_HEAP_MB`, default 192 MB
 * of old generation, 8 MB young): V8 then collects before its heap grows far
 * past what is alive, which keeps a long run's memory low. An article too big
 * for that heap kills its worker; a worker that dies fails the articles it
 * held, the run lints them on its own thread, and the worker is replaced.
 */
import {Worker} from 'node:worker_threads'
import type {ResolvedConfig} from '../../config/resolve-config.js'
import type {LintedFile} from '../../report/reporter.js'
import {fromMessageData} from '../message-data.js'
import type {ReadResult} from '../read-article.js'
import type {ArticleType} from '../../parse/article-type.js'
import type {LintReply, LintTask} from './protocol.js'

const workerUrl = new URL('lint-worker.js', import.meta.url)
const perWorker = 2
const defaultHeapMb = 192
/**
 * The young generation of each worker, in MB (V8's default is 48): large
 * enough that an article's garbage dies there, small enough that two workers
 * stay under 300 MiB. Over 22,250 articles on 2 workers: 8 MB took 63 s (the
 * article being linted was promoted at nearly every scavenge, and 25 full
 * collections followed in each worker), 16 MB 33–38 s at 284–300 MiB peak,
 * 32 MB 32 s at 341 MiB.
 */
const youngMb = 16
/** Workers in a row that die before finishing any article are not replaced past this (a broken install). */
const maxStillborn = 3

interface Pending {
  readonly task: Omit<LintTask, 'config'>
  readonly config: ResolvedConfig
  readonly resolve: (linted: LintedFile) => void
  readonly reject: (error: Error) => void
}

interface Slot {
  readonly worker: Worker
  readonly configs: Set<number>
  readonly held: Map<number, Pending>
  finished: number
}

export class LintPool {
  private readonly slots: Slot[] = []
  private readonly waiting: Pending[] = []
  private readonly configIds = new Map<ResolvedConfig, number>()
  private nextId = 0
  private stillborn = 0
  /** Why no worker is left, once none is. */
  private dead: string | undefined
  private closed = false
  private readonly heapMb: number

  constructor(
    readonly size: number,
    env: Readonly<Record<string, string | undefined>> = process.env
  ) {
    const heapMb = Number(env.FACTCHECK_WORKER_HEAP_MB)
    this.heapMb = Number.isInteger(heapMb) && heapMb > 0 ? heapMb : defaultHeapMb
    for (let index = 0; index < size; index++) this.slots.push(this.spawn())
  }

  /** Why the pool has no worker left (none could start), if so. */
  get failure(): string | undefined {
    return this.dead
  }

  lint(filePath: string, displayPath: string, read: ReadResult, config: ResolvedConfig, type: ArticleType, quotes = false): Promise<LintedFile> {
    return new Promise((resolve, reject) => {
      const task = {id: this.nextId++, filePath, displayPath, read, type, configId: this.configIdOf(config), quotes}
      this.waiting.push({task, config, resolve, reject})
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private configIdOf(config: ResolvedConfig): number {
    let id = this.configIds.get(config)
    if (id === undefined) {
      id = this.configIds.size
      this.configIds.set(config, id)
    }
    return id
  }

  private dispatch(): void {
    if (this.dead !== undefined) {
      for (const pending of this.waiting.splice(0)) pending.reject(new Error(this.dead))
      return
    }
    while (this.waiting.length > 0) {
      const slot = this.slots.reduce<Slot | undefined>((best, slot) => (slot.held.size < perWorker && (!best || slot.held.size < best.held.size) ? slot : best), undefined)
      if (!slot) return
      const pending = this.waiting.shift()!
      const firstTime = !slot.configs.has(pending.task.configId)
      slot.configs.add(pending.task.configId)
      slot.held.set(pending.task.id, pending)
      const task: LintTask = firstTime ? {...pending.task, config: pending.config} : pending.task
      slot.worker.postMessage(task)
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl, {resourceLimits: {maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: youngMb}})
    const slot: Slot = {worker, configs: new Set(), held: new Map(), finished: 0}
    worker.on('message', (reply: LintReply) => {
      const pending = slot.held.get(reply.id)
      if (!pending) return
      slot.held.delete(reply.id)
      slot.finished++
      this.stillborn = 0
      if ('error' in reply) pending.reject(new Error(reply.error))
      else {
        const path = pending.task.displayPath
        const messages = reply.messages.map((message) => fromMessageData(message, path))
        pending.resolve({
          path,
          messages,
          paragraphs: reply.paragraphs,
          directives: reply.directives,
          ...(reply.quotes ? {quotes: reply.quotes} : {})
        })
      }
      this.dispatch()
    })
    worker.on('error', (error) => this.lost(slot, error.message))
    worker.on('exit', (code) => this.lost(slot, `exit code ${code}`))
    return slot
  }

  /** A worker died: fail what it held, replace it, go on. */
  private lost(slot: Slot, why: string): void {
    const index = this.slots.indexOf(slot)
    if (index === -1 || this.closed) return
    for (const pending of slot.held.values()) pending.reject(new Error(`the lint worker stopped (${why})`))
    slot.held.clear()
    if (slot.finished === 0 && ++this.stillborn >= maxStillborn) {
      this.slots.splice(index, 1)
      if (this.slots.length === 0) this.dead = `no lint worker could start (${why})`
      this.dispatch()
      return
    }
    this.slots[index] = this.spawn()
    this.dispatch()
  }
}
