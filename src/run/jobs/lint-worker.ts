/** A lint worker thread (`--jobs`): lint each article the run sends, send back plain data. */
import {parentPort} from 'node:worker_threads'
import type {ResolvedConfig} from '../../config/resolve-config.js'
import {lintArticle} from '../lint.js'
import {toMessageData} from '../message-data.js'
import {loadParser} from '../processor.js'
import type {LintReply, LintTask} from './protocol.js'

const port = parentPort
if (!port) throw new Error('lint-worker.js runs as a worker thread of factcheck')

// One object per config, so the processors built for it are reused (lint.ts keys them by identity).
const configs = new Map<number, ResolvedConfig>()

port.on('message', async (task: LintTask) => {
  // Before any await: a later task may name this config while the parser loads.
  if (task.config) configs.set(task.configId, task.config)
  let reply: LintReply
  try {
    await loadParser(task.type)
    const config = configs.get(task.configId)
    if (!config) throw new Error(`config ${task.configId} was never sent`)
    const linted = lintArticle(task.filePath, task.displayPath, task.read, config, task.type, {quotes: task.quotes})
    reply = {
      id: task.id,
      messages: linted.messages.map(toMessageData),
      paragraphs: linted.paragraphs,
      directives: linted.directives,
      ...(linted.quotes ? {quotes: linted.quotes} : {})
    }
  } catch (error) {
    reply = {id: task.id, error: error instanceof Error ? error.message : String(error)}
  }
  port.postMessage(reply)
})
