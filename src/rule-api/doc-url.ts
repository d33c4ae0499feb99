/**
 * The one place that builds rule links: the `file:` URL of `rules/<id>.md` in
 * the installed package (there is no web site), as typescript-eslint's
 * `createRule` builds its `docs.url`.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const here = fileURLToPath(import.meta.url)
const distMarker = path.sep + 'dist' + path.sep

/** Package root: above `dist/` when built, above `src/rule-api/` when run from source. */
export const packageRoot = here.includes(distMarker)
  ? here.slice(0, here.lastIndexOf(distMarker))
  : path.resolve(path.dirname(here), '../..')

export function docUrl(id: string): string {
  return pathToFileURL(path.join(packageRoot, 'rules', id + '.md')).href
}
