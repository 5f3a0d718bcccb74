/**
 * One spec-kit feature folder of three documents of about 50 KB each
 * (spec.md with its stories and requirements, plan.md, tasks.md citing
 * them), linted as a folder, and the same three documents linted alone
 * (each in a folder of its own, so nothing is read beside it). In one
 * process, through the API the CLI uses, alternating, so both see the same
 * warm code; the ratio is what checking a folder as a whole costs.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'

const target = 50 * 1024

function grow(lines: string[], add: (n: number) => string[]): string {
  for (let n = 1; lines.join('\n').length < target; n++) lines.push(...add(n))
  return lines.join('\n') + '\n'
}

export function folderDocuments(): Record<'spec.md' | 'plan.md' | 'tasks.md', string> {
  const stories = 12
  const spec = grow(['# Feature Specification: Offline sync', '', '**Feature Branch**: `001-offline-sync`', '', '## User Scenarios & Testing *(mandatory)*', ''], (n) =>
    n <= stories
      ? [`### User Story ${n} - Sync part ${n} (Priority: P${n})`, '', `A user works offline on part ${n} and sees it synced later.`, '', '**Acceptance Scenarios**:', '', `1. **Given** part ${n} changed offline, **When** the device is online, **Then** the change is synced.`, '']
      : [`- **FR-${String(n).padStart(3, '0')}**: The app MUST keep change ${n} made offline and sync it within 5 seconds of reconnecting.`]
  )
  const plan = grow(['# Implementation Plan: Offline sync', '', '**Branch**: `001-offline-sync` | **Spec**: [spec.md](./spec.md)', '', '## Summary', '', 'Queue offline edits and sync them.', '', '## Technical Context', ''], (n) => [
    `- Part ${n} of the sync engine keeps its queue in src/sync/part${n}.ts and satisfies FR-${String(stories + n).padStart(3, '0')}.`
  ])
  const tasks = grow(['# Tasks: Offline sync', ''], (n) => {
    const story = ((n - 1) % stories) + 1
    return [`## Phase ${n + 2}: User Story ${story} - Sync part ${story}`, '', ...Array.from({length: 20}, (_, k) => `- [ ] T${String(n * 20 + k).padStart(4, '0')} [P] [US${story}] Implement step ${k} in src/sync/story${story}/step${k}.ts (FR-${String(stories + k + 1).padStart(3, '0')})`), '']
  })
  return {'spec.md': spec, 'plan.md': plan, 'tasks.md': tasks}
}

export interface FolderTiming {
  /** Median milliseconds: the three files in one folder, and each alone. */
  folder: number
  alone: number
  bytes: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function measureFolder(project: string, reps = 15): Promise<FolderTiming> {
  const {lintFiles} = (await import(pathToFileURL(join(project, 'dist/bin/index.js')).href)) as typeof import('../../src/index.js')
  const documents = folderDocuments()
  const dir = mkdtempSync(join(tmpdir(), 'planlint-bench-folder-'))
  try {
    const folder = join(dir, 'specs/001-offline-sync')
    mkdirSync(folder, {recursive: true})
    const together = Object.keys(documents).map((name) => join(folder, name))
    const alone = Object.keys(documents).map((name) => join(dir, `alone-${name.replace('.md', '')}`, name))
    for (const path of alone) mkdirSync(dirname(path))
    // Each run's documents differ by a line, so each run parses them anew (as
    // a new commit's would be), rather than replay the trees of the last run.
    let run = 0
    const time = async (files: string[]) => {
      run++
      for (const path of files) writeFileSync(path, `${documents[basename(path) as keyof typeof documents]}\n<!-- run ${run} -->\n`)
      const started = performance.now()
      await lintFiles(files, {cwd: dir, config: false})
      return performance.now() - started
    }
    // Warm both paths once, then alternate.
    await time(together)
    await time(alone)
    const a: number[] = []
    const b: number[] = []
    for (let i = 0; i < reps; i++) {
      a.push(await time(together))
      b.push(await time(alone))
    }
    return {folder: median(a), alone: median(b), bytes: Object.values(documents).reduce((sum, text) => sum + text.length, 0)}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
