/** Where the project and the shared corpus are, for tests and test tools. */
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const cliPath = join(root, 'dist/bin/cli.js')
export const corpusDir = resolve(root, '../shared/corpus/real')
export const templatesDir = resolve(root, '../shared/templates')
