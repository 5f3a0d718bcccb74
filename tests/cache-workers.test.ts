/** `--cache` replays unchanged files only; worker threads give the same output, in order. */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {workersFor} from '../src/engine/run.js'
import {cleanTasks, leftoverPlan, runCli, tempProject} from './helpers.js'

function files(count: number): Record<string, string> {
  const project: Record<string, string> = {}
  for (let index = 0; index < count; index++) {
    project[`plans/${String(index).padStart(3, '0')}-plan.md`] = index % 3 === 0 ? leftoverPlan : cleanTasks
  }
  return project
}

describe('--cache', () => {
  const cacheArgs = ['--format', 'json', '--cache', '--cache-location', '.cache/planlint.json', 'plans']

  it('replays unchanged files and re-lints changed ones', () => {
    const cwd = tempProject(files(4))
    const first = runCli(cacheArgs, {cwd})
    const cache = JSON.parse(readFileSync(join(cwd, '.cache/planlint.json'), 'utf8'))
    expect(Object.keys(cache.entries)).toHaveLength(4)
    // Unchanged: the same output, from the cache.
    const second = runCli(cacheArgs, {cwd})
    expect(second.stdout).toBe(first.stdout)
    expect(second.status).toBe(first.status)
    // Changed file: its new content is linted, not replayed.
    writeFileSync(join(cwd, 'plans/000-plan.md'), cleanTasks)
    const third = JSON.parse(runCli(cacheArgs, {cwd}).stdout) as Array<{file: string; messages: unknown[]}>
    expect(third[0]).toMatchObject({file: 'plans/000-plan.md', messages: []})
  })

  it('a changed config invalidates every entry', () => {
    const cwd = tempProject(files(3))
    const before = JSON.parse(runCli(cacheArgs, {cwd}).stdout) as Array<{messages: Array<{ruleId: string}>}>
    expect(before[0]!.messages.some((m) => m.ruleId === 'no-placeholders')).toBe(true)
    writeFileSync(join(cwd, '.planlintrc.json'), JSON.stringify({rules: {'no-placeholders': 'off'}}))
    const after = JSON.parse(runCli(cacheArgs, {cwd}).stdout) as Array<{messages: Array<{ruleId: string}>}>
    expect(after[0]!.messages.some((m) => m.ruleId === 'no-placeholders')).toBe(false)
  })

  it('a corrupt cache is ignored with a warning, never a crash or a wrong result', () => {
    const cwd = tempProject({...files(3), '.cache/planlint.json': '{"format": 1, "entries": {'})
    const run = runCli(cacheArgs, {cwd})
    expect(run.stderr).toContain('planlint: warning: .cache/planlint.json: the cache file is corrupt; starting a new one')
    const fresh = runCli(['--format', 'json', 'plans'], {cwd})
    expect(run.stdout).toBe(fresh.stdout)
    // And it was rewritten: the next run is quiet.
    expect(runCli(cacheArgs, {cwd}).stderr).toBe('')
  })

  it('a cache that cannot be written is a warning: the results are still printed', () => {
    // `.cache` is a file, so no cache can be written below it.
    const cwd = tempProject({...files(3), '.cache': 'not a folder'})
    const run = runCli(cacheArgs, {cwd})
    expect(run.stderr).toMatch(/^planlint: warning: \.cache\/planlint\.json: cannot write the cache: E[A-Z]+$/m)
    expect(run.stdout).toBe(runCli(['--format', 'json', 'plans'], {cwd}).stdout)
    expect(run.status).toBe(1)
  })

  it('--cache-location needs --cache', () => {
    expect(runCli(['--cache-location', 'x.json', 'plans']).status).toBe(2)
  })
})

describe('worker threads', () => {
  it('start by default only for enough work on 3 or more cores; a number is obeyed', () => {
    const large = {files: 1000, bytes: 6_000_000}
    expect(workersFor('auto', {...large, cores: 4})).toBe(4)
    // On 2 cores one thread was as fast, with less CPU and memory (bench/results.md).
    expect(workersFor('auto', {...large, cores: 2})).toBe(0)
    expect(workersFor('auto', {files: 10, bytes: 6_000_000, cores: 8})).toBe(0)
    expect(workersFor('auto', {files: 1000, bytes: 100_000, cores: 8})).toBe(0)
    expect(workersFor(2, {files: 3, bytes: 100, cores: 1})).toBe(2)
    expect(workersFor(0, {...large, cores: 8})).toBe(0)
  })

  it('give the same results, in the same order, as one thread', () => {
    const cwd = tempProject(files(40))
    const single = runCli(['--format', 'json', '--workers', '0', 'plans'], {cwd})
    const parallel = runCli(['--format', 'json', '--workers', '2', 'plans'], {cwd})
    expect(JSON.parse(single.stdout)).toHaveLength(40)
    expect(parallel.stdout).toBe(single.stdout)
    expect(parallel.status).toBe(single.status)
    expect(runCli(['--workers', 'many', 'plans'], {cwd}).status).toBe(2)
  })

  it.each([
    ['a file whose lint fails', 'crash', 'injected fault'],
    ['a worker thread that dies', 'exit', 'the worker thread stopped (exit code 3)']
  ])('%s: that file gets an error, every other file is still reported', (_name, kind, reason) => {
    const cwd = tempProject(files(40))
    const single = JSON.parse(runCli(['--format', 'json', '--workers', '0', 'plans'], {cwd}).stdout) as Array<{file: string}>
    const run = runCli(['--format', 'json', '--workers', '2', 'plans'], {
      cwd,
      env: {PLANLINT_TEST_FAULT: `${kind}:007-plan.md`}
    })
    const results = JSON.parse(run.stdout) as Array<{file: string; preset: string | null; messages: Array<{message: string; fatal?: boolean}>}>
    expect(results.map((r) => r.file)).toEqual(single.map((r) => r.file))
    const broken = results.find((r) => r.file === 'plans/007-plan.md')!
    expect(broken.preset).toBeNull()
    expect(broken.messages).toEqual([expect.objectContaining({fatal: true, message: `Internal error while linting this file: ${reason}`})])
    // An internal error is a failure (2), never a lint result (1).
    expect(run.status).toBe(2)
  })
})
