/**
 * planlint in git hooks, driven for real: the `pre-commit` tool installing
 * this checkout's .pre-commit-hooks.yaml, and `planlint --staged` as a
 * husky-style hook. Each test commits and checks what a user would see: the
 * commit refused with planlint's message, or made.
 */
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cleanTasks, cliPath, gitEnv, gitRepo, hasCommand, root, run, runCli, tempProject} from './helpers.js'

const planWithLeftover = '# Implementation Plan: Offline sync\n\nOwner: [NAME]\n'
const cleanPlan = '# Implementation Plan: Offline sync\n\nOwner: Ana Lima\n'

function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true})
    writeFileSync(join(dir, name), content)
  }
}

/** `git commit` as a user runs it, hooks and all (quiet: only the hooks speak); it may fail. */
function commit(dir: string, message: string, env: NodeJS.ProcessEnv = gitEnv): {status: number | null; output: string} {
  const result = run('git', ['commit', '-q', '-m', message], dir, env)
  return {status: result.status, output: result.stdout + result.stderr}
}

const hasPreCommit = hasCommand('pre-commit')
const skipReason = 'the pre-commit tool is not installed (apt-get install pre-commit; .ci/run installs it)'
if (!hasPreCommit) console.warn(`tests/precommit.test.ts: skipping the pre-commit tests: ${skipReason}`)

describe.skipIf(!hasPreCommit)(`the pre-commit hook from .pre-commit-hooks.yaml${hasPreCommit ? '' : ` (skipped: ${skipReason})`}`, () => {
  // Made in beforeAll and shared, because installing the hook's environment
  // (npm install and a build, as pre-commit does it) takes most of a minute.
  let scratch = ''
  let project = ''
  let hookEnv: NodeJS.ProcessEnv = {}
  let git: (...args: string[]) => string = () => ''

  afterAll(() => {
    if (scratch) rmSync(scratch, {recursive: true, force: true})
  })

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'planlint-precommit-'))
    project = join(scratch, 'project')
    // pre-commit's own cache in the scratch folder: a fresh install each run.
    hookEnv = {...gitEnv, PRE_COMMIT_HOME: join(scratch, 'pre-commit-cache'), PRE_COMMIT_COLOR: 'never'}
    // pre-commit clones a hook repository at a commit. This checkout's
    // working tree (tracked and untracked files, minus ignored ones) is
    // committed to a scratch repository, so the test exercises the files as
    // they are now, committed or not.
    const planlint = join(scratch, 'planlint')
    const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root, process.env)
    for (const name of listed.stdout.split('\0').filter((n) => n !== '' && existsSync(join(root, n)))) {
      cpSync(join(root, name), join(planlint, name))
    }
    const planlintGit = gitRepo(planlint)
    planlintGit('add', '-A')
    planlintGit('commit', '-q', '-m', 'planlint as checked out')
    const rev = planlintGit('rev-parse', 'HEAD').trim()

    mkdirSync(project)
    git = gitRepo(project)
    write(project, {
      '.pre-commit-config.yaml': `repos:\n  - repo: ${planlint}\n    rev: ${rev}\n    hooks:\n      - id: planlint\n`
    })
    git('add', '.pre-commit-config.yaml')
    git('commit', '-q', '-m', 'Use planlint')
    const install = run('pre-commit', ['install', '--install-hooks'], project, hookEnv)
    expect(install.stdout + install.stderr).toContain('pre-commit installed at .git/hooks/pre-commit')
    expect(install.status).toBe(0)
  }, 600_000)

  it('refuses a commit of plans with leftover placeholders, with planlint’s messages', () => {
    write(project, {'plan.md': planWithLeftover, 'specs/001-sync/tasks.md': `${cleanTasks}- [ ] T003 [US1] Store edits in src/sync/store.ts: NEEDS CLARIFICATION\n`})
    git('add', 'plan.md', 'specs/001-sync/tasks.md')
    const refused = commit(project, 'Add the plan', hookEnv)
    expect(refused.status).not.toBe(0)
    expect(refused.output).toMatch(/planlint\.+Failed/)
    expect(refused.output).toMatch(/^plan\.md$/m)
    expect(refused.output).toMatch(/3:8-3:14\s+error\s+Unfilled placeholder "\[NAME\]": replace it with real content\s+no-placeholders/)
    expect(refused.output).toMatch(/^specs\/001-sync\/tasks\.md$/m)
    expect(refused.output).toMatch(/14:52-14:71\s+error\s+Fill-in marker "NEEDS CLARIFICATION"/)
    expect(git('log', '--format=%s')).toBe('Use planlint\n')
  })

  it('commits clean plans, linting only the staged plan documents', () => {
    // Staged and clean: the plans. Not linted: a Markdown file that is not a
    // plan by name, an untracked plan, and an unstaged edit to a staged plan.
    write(project, {'plan.md': cleanPlan, 'specs/001-sync/tasks.md': cleanTasks, 'notes.md': 'Owner: [NAME]\n'})
    git('add', 'plan.md', 'specs/001-sync/tasks.md', 'notes.md')
    write(project, {'plan.md': `${cleanPlan}\nReviewer: [LATER]\n`, 'draft-plan.md': planWithLeftover})

    const made = commit(project, 'Add the plan', hookEnv)
    expect(made.output).toMatch(/planlint\.+Passed/)
    expect(made.output).not.toContain('[LATER]')
    expect(made.output).not.toContain('draft-plan.md')
    expect(made.status).toBe(0)
    expect(git('log', '--format=%s')).toBe('Add the plan\nUse planlint\n')
    expect(git('show', 'HEAD:plan.md')).toBe(cleanPlan)
    // pre-commit put the unstaged edit back.
    expect(readFileSync(join(project, 'plan.md'), 'utf8')).toContain('[LATER]')
  })

  it('skips when no plan document is staged', () => {
    write(project, {'README.md': '# Project\n\nOwner: [NAME]\n'})
    git('add', 'README.md')
    const made = commit(project, 'Readme', hookEnv)
    expect(made.output).toMatch(/planlint\.+\(no files to check\)Skipped/)
    expect(made.status).toBe(0)
  })
})

describe('planlint --staged as a husky-style git hook', () => {
  function repoWithHook(files: Record<string, string>): {dir: string; git: (...args: string[]) => string} {
    const dir = tempProject(files)
    const git = gitRepo(dir)
    git('add', '-A')
    git('commit', '-q', '-m', 'initial')
    const hook = join(dir, '.git/hooks/pre-commit')
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" --staged\n`)
    chmodSync(hook, 0o755)
    return {dir, git}
  }

  it('lints the staged content, not the working tree, and reports under the file’s path', () => {
    const {dir, git} = repoWithHook({'README.md': '# Project\n'})
    write(dir, {'docs/plans/q3-plan.md': planWithLeftover})
    git('add', 'docs/plans/q3-plan.md')
    // Fixed on disk but not staged: the commit would still carry [NAME].
    write(dir, {'docs/plans/q3-plan.md': cleanPlan})
    const refused = commit(dir, 'Plan')
    expect(refused.status).not.toBe(0)
    expect(refused.output).toMatch(/^docs\/plans\/q3-plan\.md$/m)
    expect(refused.output).toMatch(/3:8-3:14\s+error\s+Unfilled placeholder "\[NAME\]"/)

    git('add', 'docs/plans/q3-plan.md')
    write(dir, {'docs/plans/q3-plan.md': `${cleanPlan}Reviewer: [LATER]\n`, 'untracked-plan.md': planWithLeftover})
    const made = commit(dir, 'Plan')
    expect(made.output).toBe('docs/plans/q3-plan.md: no issues found\n')
    expect(made.status).toBe(0)
  })

  it("checks a staged tasks.md against its spec.md as the index holds it, not the working tree", () => {
    const spec = (stories: number[]) =>
      `# Feature Specification: Sync\n\n## User Scenarios & Testing\n\n${stories.map((n) => `### User Story ${n} - Story ${n} (Priority: P${n})\n\n1. **Given** an edit, **When** online, **Then** it syncs.\n\n`).join('')}## Requirements\n\n- **FR-001**: Sync.\n\n## Success Criteria\n\n- **SC-001**: Fast.\n`
    const tasks = '# Tasks: Sync\n\n## Phase 1: User Story 1\n\n- [ ] T001 [US1] Add src/a.ts\n\n## Phase 2: User Story 2\n\n- [ ] T002 [US2] Add src/b.ts\n'
    const {dir, git} = repoWithHook({'specs/001-sync/spec.md': spec([1])})
    write(dir, {'specs/001-sync/tasks.md': tasks})
    git('add', 'specs/001-sync/tasks.md')
    // Story 2 added on disk only: the commit would carry a spec without it.
    write(dir, {'specs/001-sync/spec.md': spec([1, 2])})
    const refused = commit(dir, 'Tasks')
    expect(refused.status).not.toBe(0)
    expect(refused.output).toMatch(/7:1-7:25\s+error\s+Phase "Phase 2: User Story 2" \(with 1 task marked \[US2\]\) names user story 2, which spec.md does not have/)
    git('add', 'specs/001-sync/spec.md')
    const made = commit(dir, 'Tasks')
    expect(made.output).toBe('specs/001-sync/spec.md: no issues found\nspecs/001-sync/tasks.md: no issues found\n')
    expect(made.status).toBe(0)
  })

  it('lints only plan documents among the staged files, and not deleted ones', () => {
    const {dir, git} = repoWithHook({'plan.md': cleanPlan, '.planlintrc.json': JSON.stringify({ignore: ['archive/**']})})
    write(dir, {'notes.md': 'Owner: [NAME]\n', 'archive/old-plan.md': planWithLeftover})
    git('add', 'notes.md', 'archive/old-plan.md')
    git('rm', '-q', 'plan.md')
    const made = commit(dir, 'Tidy')
    expect(made.output).toBe('')
    expect(made.status).toBe(0)
  })

  it('says so when it is not run in a git repository, or given paths', () => {
    const outside = runCli(['--staged'], {cwd: tempProject({'plan.md': cleanPlan})})
    // tmpdir() is not inside a repository on any machine this runs on.
    expect(outside.stderr.trim()).toBe('planlint: --staged: not in a git repository')
    expect(outside.status).toBe(2)
    const withPaths = runCli(['--staged', 'plan.md'])
    expect(withPaths.stderr).toContain('--staged takes no paths')
    expect(withPaths.status).toBe(2)
  })
})

describe('latency: a hook naming files does not walk the repository', () => {
  // A preload that logs every directory listing: planlint reads folders only
  // to expand a folder, a glob or a bare run.
  const probe = `import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
for (const [owner, name] of [[fs, 'readdir'], [fs, 'readdirSync'], [fs, 'opendir'], [fs, 'opendirSync'], [fs.promises, 'readdir'], [fs.promises, 'opendir']]) {
  const original = owner[name]
  owner[name] = function (path, ...rest) {
    process.stderr.write('listed ' + String(path) + '\\n')
    return original.call(this, path, ...rest)
  }
}
syncBuiltinESMExports()
`

  function listedFolders(args: string[], cwd: string): string[] {
    const result = run(process.execPath, ['--import', join(cwd, 'probe.mjs'), cliPath, '--format', 'json', ...args], cwd, process.env)
    expect(JSON.parse(result.stdout)).toHaveLength(1)
    return result.stderr.split('\n').filter((line) => line.startsWith('listed '))
  }

  it('planlint plan.md lists no folder; a bare run does', () => {
    const cwd = tempProject({
      'probe.mjs': probe,
      'plan.md': cleanPlan,
      'vendor/a/b/c/.gitignore': 'dist/\n',
      'vendor/a/b/c/readme.md': '# Vendor\n'
    })
    expect(listedFolders(['plan.md'], cwd)).toEqual([])
    // The control: the probe sees a walk when there is one.
    expect(listedFolders([], cwd).some((line) => line.includes('vendor/a/b'))).toBe(true)
  })
})

describe("the README's lint-staged config", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const config = /```js\n(\/\/ lint-staged\.config\.mjs[\s\S]*?)```/.exec(readme)![1]!
  const lintStaged = join(root, 'node_modules/lint-staged/bin/lint-staged.js')

  it('lints the staged plan documents whatever their case or spaces, and nothing else', () => {
    const dir = tempProject({'README.md': '# Project\n', 'lint-staged.config.mjs': config})
    const git = gitRepo(dir)
    git('add', '-A')
    git('commit', '-q', '-m', 'initial')
    // `planlint` as a project that installed it has it.
    mkdirSync(join(dir, 'node_modules/.bin'), {recursive: true})
    writeFileSync(join(dir, 'node_modules/.bin/planlint'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`)
    chmodSync(join(dir, 'node_modules/.bin/planlint'), 0o755)
    writeFileSync(join(dir, '.git/hooks/pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${lintStaged}"\n`)
    chmodSync(join(dir, '.git/hooks/pre-commit'), 0o755)

    write(dir, {'docs/PLAN.md': planWithLeftover, 'my plans/tasks.md': planWithLeftover, 'README.md': '# Project\n\nOwner: [NAME]\n'})
    git('add', '-A')
    const refused = commit(dir, 'Plans')
    expect(refused.status).not.toBe(0)
    expect(refused.output).toMatch(/^docs\/PLAN\.md$/m)
    expect(refused.output).toMatch(/^my plans\/tasks\.md$/m)
    expect(refused.output).not.toMatch(/README\.md$/m)

    write(dir, {'docs/PLAN.md': cleanPlan, 'my plans/tasks.md': cleanPlan})
    git('add', '-A')
    expect(commit(dir, 'Plans').status).toBe(0)
  }, 60_000)
})
