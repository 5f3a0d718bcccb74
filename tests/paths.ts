/**
 * Where the project and the real-plan corpus are, for tests and test tools.
 *
 * The corpus is documents other people wrote, so it stays outside the
 * repository: `PLANLINT_CORPUS`, else `../shared/corpus/real` beside the
 * checkout. Where neither exists, `corpusDir` is undefined and the tests
 * that need it are skipped (tests/global-setup.ts says so, once).
 */
import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const cliPath = join(root, 'dist/bin/cli.js')

/** The shipped templates (their origins: presets/templates/README.md). */
export const templatesDir = join(root, 'presets/templates')

const candidate = process.env['PLANLINT_CORPUS'] ? resolve(process.env['PLANLINT_CORPUS']) : resolve(root, '../shared/corpus/real')
const found = existsSync(join(candidate, 'SOURCES.tsv'))

/** The corpus folder (with its SOURCES.tsv), or undefined where there is none. */
export const corpusDir: string | undefined = found ? candidate : undefined

/** Why the corpus tests are skipped, or undefined when they run. */
export const corpusMissing: string | undefined = found
  ? undefined
  : process.env['PLANLINT_CORPUS']
    ? `PLANLINT_CORPUS=${candidate} has no SOURCES.tsv: the corpus tests are skipped`
    : 'no real-plan corpus (set PLANLINT_CORPUS, or put it at ../shared/corpus/real): the corpus tests are skipped'
