/** Shared test helpers: running the built CLI and making throwaway folders. */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterEach} from 'vitest'
import {cliPath, root} from './paths.js'

export {cliPath, corpusDir, root, templatesDir} from './paths.js'

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

export function runCli(
  args: string[],
  options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>} = {}
): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    // The JSON report of a large plan is past spawnSync's 1 MB default.
    maxBuffer: 64 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env}
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** A temp folder with these files (string or bytes), removed after the test. */
export function tempProject(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-test-'))
  made.push(dir)
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, content)
  }
  return dir
}

/** A clean, realistic spec-kit tasks.md. */
export const cleanTasks = `# Tasks: Offline sync

## Phase 1: Setup

- [x] T001 Create the sync module in \`src/sync/index.ts\`

## Phase 2: User Story 1 - Edit while offline (Priority: P1)

- [ ] T002 [P] [US1] Queue offline edits in \`src/sync/queue.ts\`

## Dependencies & Execution Order

- Setup (Phase 1) before User Story 1 (Phase 2).
`

/** A plan with two leftovers: a bracket placeholder (line 3) and a marker (line 5). */
export const leftoverPlan = `# Implementation Plan: Offline sync

**Date**: [DATE]

**Storage**: NEEDS CLARIFICATION
`

/** Whether a command is on the PATH (for tests that need a tool planlint does not ship). */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', name], {encoding: 'utf8'}).status === 0
}

/**
 * The environment for git in throwaway repositories: an identity, and none
 * of this machine's global or system git config (a global core.hooksPath or
 * commit signing would change what a commit does).
 */
export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Plan Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Plan Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  NO_COLOR: '1',
  FORCE_COLOR: '0'
}

/** Run a command in `cwd`; the caller checks the status. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv): CliRun {
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8'})
  if (result.error) throw result.error
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Make `dir` a git repository; returns git run there (failing loudly when git does). */
export function gitRepo(dir: string): (...args: string[]) => string {
  const git = (...args: string[]): string => {
    const result = run('git', args, dir)
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`)
    return result.stdout
  }
  git('init', '-q', '-b', 'main')
  return git
}
