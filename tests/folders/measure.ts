/**
 * The real spec-kit feature folders (../shared/corpus/folders, one folder per
 * feature, named OWNER__REPO__FEATURE): linted as they sit in their
 * repository, `specs/FEATURE/`, so a document's folder has the name its
 * authors gave it. The documents are copied to a temporary folder only,
 * never into the repository.
 */
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {lintFiles, type LintOptions} from '../../src/engine/run.js'
import type {LintMessage} from '../../src/core/types.js'
import {corpusDir, root} from '../paths.js'
import {findingKey} from '../precision/measure.js'

export const foldersDir: string | undefined = corpusDir && existsSync(join(dirname(corpusDir), 'folders')) ? join(dirname(corpusDir), 'folders') : undefined

export const reviewPath = join(root, 'tests/folders/review.json')

export interface Review {
  label: 'TP' | 'FP'
  reason: string
}

/** Reviewed findings, by `FOLDER/FILE` and finding key. */
export function readReview(): Record<string, Record<string, Review>> {
  return JSON.parse(readFileSync(reviewPath, 'utf8')) as Record<string, Record<string, Review>>
}

export const documentNames = ['spec.md', 'plan.md', 'tasks.md']

/** The corpus folders' names (OWNER__REPO__FEATURE). */
export function folderNames(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** The feature's own folder name: `003-user-auth` of `owner__repo__003-user-auth`. */
export const featureOf = (folder: string) => folder.split('__').at(-1)!

/**
 * A copy of a corpus folder at `specs/FEATURE/` in a temporary project, each
 * document changed by `edit` (a planted defect) where given.
 */
export function materialise(dir: string, folder: string, edit?: (name: string, text: string) => string): string {
  const project = mkdtempSync(join(tmpdir(), 'planlint-folder-'))
  const target = join(project, 'specs', featureOf(folder))
  cpSync(join(dir, folder), target, {recursive: true})
  if (edit) {
    for (const name of documentNames) {
      const path = join(target, name)
      if (existsSync(path)) writeFileSync(path, edit(name, readFileSync(path, 'utf8')))
    }
  }
  return target
}

/**
 * The findings to review on a folder: every finding on its spec.md (a
 * document kind of its own), and the cross-document ones on plan.md and tasks.md.
 */
export async function folderFindings(target: string, rules?: LintOptions['rules']): Promise<Map<string, LintMessage[]>> {
  const files = documentNames.filter((name) => existsSync(join(target, name))).map((name) => join(target, name))
  const {results} = await lintFiles(files, {cwd: target, config: false, rules})
  const found = new Map<string, LintMessage[]>()
  for (const result of results) {
    const name = basename(result.file)
    found.set(name, result.messages.filter((message) => name === 'spec.md' || message.ruleId === 'feature-folder'))
  }
  return found
}

export {findingKey}
