/**
 * A spec-kit feature folder on the command line: its spec.md is linted with
 * its plan and tasks, a finding names the sibling it relied on (JSON,
 * --explain-detection), and a cached result of tasks.md is not replayed
 * once its spec.md has changed.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempProject} from './helpers.js'

const spec = (stories: number[]) =>
  [
    '# Feature Specification: Offline sync',
    '',
    '## User Scenarios & Testing',
    '',
    ...stories.flatMap((n) => [`### User Story ${n} - Part ${n} (Priority: P${n})`, '', `1. **Given** part ${n} offline, **When** online, **Then** it syncs.`, '']),
    '## Requirements',
    '',
    '- **FR-001**: The app MUST queue edits made offline.',
    '',
    '## Success Criteria',
    '',
    '- **SC-001**: No edit made offline is lost.',
    ''
  ].join('\n')

const tasks = '# Tasks: Offline sync\n\n## Phase 1: User Story 1\n\n- [ ] T001 [US1] Queue edits in src/queue.ts (FR-001)\n\n## Phase 2: User Story 2\n\n- [ ] T002 [US2] Sync in src/sync.ts\n'

function folder(stories: number[]): string {
  return tempProject({'specs/001-offline-sync/spec.md': spec(stories), 'specs/001-offline-sync/tasks.md': tasks})
}

describe('a feature folder on the command line', () => {
  it('lints the spec with the tasks, and names the spec a finding relied on', () => {
    const dir = folder([1])
    const run = runCli(['--format', 'json'], {cwd: dir})
    expect(run.status).toBe(1)
    const results = JSON.parse(run.stdout) as Array<{file: string; messages: Array<{line: number; messageId?: string; documents?: string[]}>}>
    expect(results.map((result) => result.file)).toEqual(['specs/001-offline-sync/spec.md', 'specs/001-offline-sync/tasks.md'])
    expect(results[1]!.messages).toMatchObject([{line: 7, messageId: 'unknownStory', documents: ['spec.md']}])
  })

  it('says in --explain-detection which documents of the folder a file is checked against', () => {
    const dir = folder([1, 2])
    const run = runCli(['--explain-detection', 'specs/001-offline-sync/tasks.md'], {cwd: dir})
    expect(run.stdout.trim().split('\n').at(-1)).toBe('feature folder: checked against spec.md')
  })

  it('checks a tasks.md as standing alone where its spec.md cannot be read (binary, a folder, too large)', () => {
    for (const spec of [Buffer.from([0x23, 0x20, 0x00, 0x01]), 'folder', 'x'.repeat(3 * 1024 * 1024)]) {
      const dir = tempProject({'specs/001-offline-sync/tasks.md': tasks})
      const at = join(dir, 'specs/001-offline-sync/spec.md')
      if (spec === 'folder') mkdirSync(at)
      else writeFileSync(at, spec)
      const run = runCli(['--format', 'json', 'specs/001-offline-sync/tasks.md'], {cwd: dir})
      expect(run.status, String(spec).slice(0, 10)).toBe(0)
      expect((JSON.parse(run.stdout) as Array<{messages: unknown[]}>)[0]!.messages).toEqual([])
    }
  })

  it('lints tasks.md again from the cache when only its spec.md changed', () => {
    const dir = folder([1, 2])
    const cache = ['--cache', '--cache-location', join(dir, 'cache.json')]
    expect(runCli([...cache, 'specs/001-offline-sync/tasks.md'], {cwd: dir}).status).toBe(0)
    writeFileSync(join(dir, 'specs/001-offline-sync/spec.md'), spec([1]))
    const again = runCli([...cache, 'specs/001-offline-sync/tasks.md'], {cwd: dir})
    expect(again.status).toBe(1)
    expect(again.stdout).toMatch(/7:1-7:25 +error +Phase "Phase 2: User Story 2" \(with 1 task marked \[US2\]\) names user story 2/)
  })
})
