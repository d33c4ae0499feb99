/**
 * `node dist/scripts/bundle.js` (the last step of `npm run build`): bundle
 * the `factcheck` command and its lint worker into `dist/bundle/` with
 * esbuild, from tsc's output. Loading some 170 modules one by one was most of
 * factcheck's start-up; one file (and chunks shared by the two entries, and
 * the Markdown and HTML parsers in a chunk of their own, loaded on demand)
 * loads in a fraction of that. Left outside: packages that read files beside
 * their own module at load time (dictionary-en) and that are CommonJS loaded
 * on demand (wink-nlp and its model).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type Plugin} from 'esbuild'

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(dist, 'bundle')

/** vfile-reporter's string-width is src/report/string-width.ts: string-width itself loads only for text that is not ASCII. */
const asciiStringWidth: Plugin = {
  name: 'ascii-string-width',
  setup(build) {
    build.onResolve({filter: /^string-width$/}, (args) =>
      args.importer.includes(`${path.sep}vfile-reporter${path.sep}`) ? {path: path.join(dist, 'src/report/string-width.js')} : undefined
    )
  }
}

// Chunk names carry content hashes: clear the last build's.
fs.rmSync(outdir, {recursive: true, force: true})
await build({
  entryPoints: {bin: path.join(dist, 'src/cli/bin.js'), 'lint-worker': path.join(dist, 'src/run/jobs/lint-worker.js')},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['dictionary-en', 'wink-nlp', 'wink-eng-lite-web-model'],
  plugins: [asciiStringWidth],
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning'
})
