/** Load the parsers that the CLI loads on demand, for tests that lint Markdown and HTML synchronously. */
import {loadParser} from '../src/run/processor.js'

await Promise.all([loadParser('markdown'), loadParser('html')])
