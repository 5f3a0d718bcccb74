/**
 * Precision on real plans, from hand labels: every finding planlint gives on
 * a corpus document (auto-detected, as a user runs it), joined with its label
 * in tests/precision/labels.json (TP or FP, with a reason). A third of the
 * repositories of the documents added to the corpus are held out: nobody
 * tunes a rule while looking at them, and precision is reported on them
 * apart. Shared by `npm run precision` and tests/precision.test.ts.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint} from '../../src/engine/run.js'
import type {LintMessage} from '../../src/core/types.js'
import {root} from '../paths.js'

export interface Label {
  label: 'TP' | 'FP'
  reason: string
}

/** Document (its corpus path) → finding key → label. */
export type Labels = Record<string, Record<string, Label>>

export const labelsPath = join(root, 'tests/precision/labels.json')

export function readLabels(): Labels {
  return existsSync(labelsPath) ? (JSON.parse(readFileSync(labelsPath, 'utf8')) as Labels) : {}
}

export interface Document {
  /** Path in the corpus: `B-speckit/owner__repo__…__tasks.md`. */
  file: string
  repo: string
  /** Which set: documents the rules were tuned on, the added ones tuned on, or held out. */
  set: 'tuned' | 'tuning' | 'held-out'
}

function rows(corpusDir: string, name: string): string[][] {
  const path = join(corpusDir, name)
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8').trim().split('\n').slice(1).map((row) => row.split('\t'))
}

/**
 * The held-out third: of the repositories first seen in SOURCES.added.tsv,
 * those whose name hashes lowest (sha-1), a third of them. Fixed by the
 * names alone, so nobody chooses them.
 */
export function heldOutRepos(corpusDir: string): Set<string> {
  const known = new Set(rows(corpusDir, 'SOURCES.tsv').map((row) => row[1]!))
  const added = [...new Set(rows(corpusDir, 'SOURCES.added.tsv').map((row) => row[1]!))].filter((repo) => !known.has(repo))
  const hash = (repo: string) => createHash('sha1').update(repo).digest('hex')
  const sorted = added.sort((a, b) => hash(a).localeCompare(hash(b)))
  return new Set(sorted.slice(0, Math.round(added.length / 3)))
}

/** The filled plans of the corpus (templates are not plans). */
export function documents(corpusDir: string): Document[] {
  const held = heldOutRepos(corpusDir)
  const tuned = rows(corpusDir, 'SOURCES.tsv').filter((row) => row[5] !== 'template')
  const added = rows(corpusDir, 'SOURCES.added.tsv').filter((row) => row[5] !== 'template')
  return [
    ...tuned.map((row) => ({file: row[0]!, repo: row[1]!, set: 'tuned' as const})),
    ...added.map((row) => ({file: row[0]!, repo: row[1]!, set: held.has(row[1]!) ? ('held-out' as const) : ('tuning' as const)}))
  ]
}

/** A finding's key in the labels: where, which check, and the text it names. */
export function findingKey(message: LintMessage): string {
  const token = /"([^"]*)"/.exec(message.message)?.[1]
  return `${message.line}:${message.column} ${message.ruleId}/${message.messageId ?? 'fatal'}${token === undefined ? '' : ` "${token}"`}`
}

export async function findings(corpusDir: string, document: Document): Promise<LintMessage[]> {
  const path = join(corpusDir, document.file)
  const {messages} = await lint({path, text: readFileSync(path, 'utf8')}, {config: false})
  return messages
}

export interface Tally {
  tp: number
  fp: number
  unlabelled: number
}

/** check (`rule/messageId severity`) → tally, per set. */
export type Table = Record<string, Record<string, Tally>>

export async function measure(corpusDir: string, labels: Labels, sets: ReadonlyArray<Document['set']>): Promise<Table> {
  const table: Table = {}
  for (const document of documents(corpusDir).filter((d) => sets.includes(d.set))) {
    for (const message of await findings(corpusDir, document)) {
      const check = `${message.ruleId}/${message.messageId ?? 'fatal'} ${message.severity}`
      const tally = ((table[document.set] ??= {})[check] ??= {tp: 0, fp: 0, unlabelled: 0})
      const label = labels[document.file]?.[findingKey(message)]
      if (!label) tally.unlabelled++
      else if (label.label === 'TP') tally.tp++
      else tally.fp++
    }
  }
  return table
}

/** Precision of errors and of warnings over a set's table. */
export function totals(table: Record<string, Tally>): {errors: Tally; warnings: Tally} {
  const sum = (severity: string) =>
    Object.entries(table)
      .filter(([check]) => check.endsWith(` ${severity}`))
      .reduce((all, [, tally]) => ({tp: all.tp + tally.tp, fp: all.fp + tally.fp, unlabelled: all.unlabelled + tally.unlabelled}), {tp: 0, fp: 0, unlabelled: 0})
  return {errors: sum('error'), warnings: sum('warning')}
}

export function precision(tally: Tally): string {
  const judged = tally.tp + tally.fp
  return judged === 0 ? '—' : `${Math.round((100 * tally.tp) / judged)}%`
}
