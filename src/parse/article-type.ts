/** Article types and the file extensions that select their parser. */
import path from 'node:path'

export type ArticleType = 'text' | 'markdown' | 'html'

const extensions: Readonly<Record<string, ArticleType>> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html'
}

export const articleExtensions: readonly string[] = Object.keys(extensions)

export function articleTypeOf(filePath: string): ArticleType | undefined {
  return extensions[path.extname(filePath).toLowerCase()]
}
