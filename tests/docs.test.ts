import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

describe('README', () => {
  it('should hold the rule table and usage that `npm run docs` generates', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist/scripts/docs.js'), '--check'], {encoding: 'utf8'})
    expect({code: result.status, stderr: result.stderr}).toEqual({code: 0, stderr: ''})
  })
})
