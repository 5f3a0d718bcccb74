/**
 * A feature folder: the documents one feature keeps side by side (spec-kit's
 * `specs/NNN-feature/spec.md`, `plan.md`, `tasks.md`). A rule that checks one
 * of them against the others reads its siblings here, parsed as the file
 * itself was and kept in one cache of parsed documents, so the three files
 * of a folder are each parsed once however many of them are linted.
 *
 * Where the siblings' text comes from is the front end's to say (the
 * language server's open documents, git's index under `--staged`); by
 * default it is the file beside the document on disk.
 */
import {existsSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import type {FolderConventions, PresetSchema} from '../family.js'
import {readDocument} from '../read.js'
import {markdownParser} from '../syntax.js'
import {buildPlan, type Plan} from './index.js'

/** The text of a document of the folder, by absolute path, or undefined where there is none. */
export type SiblingReader = (path: string) => string | undefined

/** What the front end tells the rules of a file's folder: where the file is, and how to read beside it. */
export interface FolderSource {
  /** The file's absolute path. */
  path: string
  read?: SiblingReader
}

declare module 'vfile' {
  interface DataMap {
    planlintFolder: FolderSource
  }
}

export type FolderRole = keyof FolderConventions['files']

export interface FolderDocument {
  role: FolderRole
  /** Absolute path. */
  path: string
  plan: Plan
}

/** The documents of a file's folder other than itself, by role. */
export type FeatureFolder = Partial<Record<FolderRole, FolderDocument>> & {
  /** The role of the file being linted. */
  self: FolderRole
  /** The folder's name (`003-user-auth`). */
  name: string
}

/** Reads a file as planlint reads the file it lints; nothing where it cannot (missing, binary, not UTF-8, too large). */
export const readFromDisk: SiblingReader = (path) => readDocument(path).text

// Parsed documents by absolute path, the last few only: a run goes folder by
// folder (three documents), and the language server holds few folders open.
const parsed = new Map<string, {text: string; tree: Root}>()
const keptDocuments = 12

/** The tree of `text` at `path`, parsed once while the text is the same. */
export function parseAt(path: string | undefined, text: string): Root {
  const known = path === undefined ? undefined : parsed.get(path)
  if (known && known.text === text) return known.tree
  const tree = markdownParser.parse(new VFile({path, value: text}))
  if (path !== undefined) {
    parsed.delete(path)
    parsed.set(path, {text, tree})
    if (parsed.size > keptDocuments) parsed.delete(parsed.keys().next().value!)
  }
  return tree
}

/** Whether a folder document has another document of its folder beside it on disk (`names`, the folder's file names). */
export function hasSibling(path: string, names: ReadonlySet<string>): boolean {
  const own = basename(path)
  if (!names.has(own)) return false
  for (const name of names) if (name !== own && existsSync(join(dirname(path), name))) return true
  return false
}

/** The folder's documents in every family that has folders: what a cached result of one of them depends on. */
export function folderFileNames(families: readonly PresetSchema[]): Set<string> {
  return new Set(families.flatMap((family) => Object.values(family.folder?.files ?? {})))
}

/**
 * The feature folder of the document `plan` was read from, with the sibling
 * documents that exist, read as the same family; undefined where the family
 * has no folders or the file is none of the folder's documents.
 */
export function folderOf(plan: Plan, source: FolderSource | undefined): FeatureFolder | undefined {
  // Read afresh for every file linted (the siblings may have changed since,
  // in an editor); parsing is what costs, and parseAt keeps that once.
  const conventions = plan.family.folder
  if (!conventions || !source) return undefined
  const roles = Object.entries(conventions.files) as Array<[FolderRole, string]>
  const self = roles.find(([, name]) => name === basename(source.path))?.[0]
  if (!self) return undefined
  const dir = dirname(source.path)
  const read = source.read ?? readFromDisk
  const folder: FeatureFolder = {self, name: basename(dir)}
  for (const [role, name] of roles) {
    if (role === self) continue
    const path = join(dir, name)
    const text = read(path)
    if (text === undefined || text.trim() === '') continue
    folder[role] = {role, path, plan: buildPlan(parseAt(path, text), text, {family: plan.family})}
  }
  return folder
}

/** Where a file linted without a front end's word is (`remark` runs): its path, as the file names it. */
export function folderSourceOf(file: VFile): FolderSource | undefined {
  if (file.data.planlintFolder) return file.data.planlintFolder
  return file.path ? {path: resolve(file.cwd, file.path)} : undefined
}
