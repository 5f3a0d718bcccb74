/**
 * The package as a user gets it: `npm pack`, installed into an empty
 * project, then the CLI, the API, a remark preset and a rule, the language
 * server and the TypeScript declarations, each used from there. Everything
 * runs from the bundles in dist/bin/ (scripts/bundle.ts), so what the
 * package installs beside itself is only what its declarations name.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from './paths.js'

const tasks = '# Tasks: Offline sync\n\n## Phase 1: Setup\n\n- [ ] T001 Create src/sync/queue.ts\n- [ ] T001 Create src/sync/retry.ts\n'

let project = ''

/** The packages installed under node_modules, scoped ones as `@scope/name`. */
function installed(dir: string): string[] {
  const names: string[] = []
  for (const entry of readdirSync(join(dir, 'node_modules'))) {
    if (entry.startsWith('.')) continue
    if (entry.startsWith('@')) for (const scoped of readdirSync(join(dir, 'node_modules', entry))) names.push(`${entry}/${scoped}`)
    else names.push(entry)
  }
  return names.sort()
}

/** A package and everything it depends on, as this repository's lockfile resolved them. */
function closure(names: string[]): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {packages: Record<string, {dependencies?: Record<string, string>}>}
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    for (const dependency of Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {})) visit(dependency)
  }
  for (const name of names) visit(name)
  return seen
}

function run(command: string, args: string[], input?: string) {
  return spawnSync(command, args, {cwd: project, encoding: 'utf8', input})
}

describe('the packed package, installed into an empty project', () => {
  beforeAll(() => {
    // dist/ is built by `npm test` before vitest runs; packing must not build again.
    // One project for the whole file (helpers' tempProject is removed after each test).
    const dir = mkdtempSync(join(tmpdir(), 'planlint-package-'))
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {cwd: root, encoding: 'utf8'}).trim()
    project = join(dir, 'app')
    mkdirSync(join(project, 'specs/001-sync'), {recursive: true})
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'app', private: true, type: 'module'}))
    writeFileSync(join(project, 'specs/001-sync/tasks.md'), tasks)
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(dir, tarball)], {cwd: project, stdio: 'pipe'})
  }, 180_000)

  afterAll(() => rmSync(join(project, '..'), {recursive: true, force: true}))

  it('installs nothing beside it but the packages its type declarations name', () => {
    const declared = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}).dependencies)
    const names = installed(project)
    const allowed = closure(declared)
    expect(names.filter((name) => name !== 'planlint' && !allowed.has(name))).toEqual([])
    // What the bundles inline is not installed a second time.
    for (const inlined of ['ajv', 'micromark', 'remark-parse', 'vscode-languageserver', 'yaml']) expect(names).not.toContain(inlined)
  })

  it('runs the CLI', () => {
    const result = run(join(project, 'node_modules/.bin/planlint'), ['--format', 'json', 'specs'])
    expect(result.status).toBe(1)
    const [file] = JSON.parse(result.stdout) as Array<{file: string; preset: string; messages: Array<{ruleId: string; line: number}>}>
    expect([file!.file, file!.preset, file!.messages.map((m) => [m.ruleId, m.line])]).toEqual(['specs/001-sync/tasks.md', 'spec-kit', [['task-id', 6]]])
  })

  it('runs the API, a remark preset and a single rule', () => {
    // remark-parse and remark-gfm (which a single rule needs for task
    // lists, as a preset does not) are not planlint's dependencies: a remark
    // user brings their own.
    const remarkParse = join(root, 'node_modules/remark-parse/index.js')
    const remarkGfm = join(root, 'node_modules/remark-gfm/index.js')
    writeFileSync(
      join(project, 'use.js'),
      `import {readFileSync} from 'node:fs'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkParse from ${JSON.stringify(remarkParse)}
import remarkGfm from ${JSON.stringify(remarkGfm)}
import {lintFiles, format} from 'planlint'
import specKit from 'planlint/presets/spec-kit'
import taskId from 'planlint/rules/task-id'
const {results} = await lintFiles(['specs'])
console.log(JSON.parse(await format('json', results))[0].messages[0].message)
const text = readFileSync('specs/001-sync/tasks.md', 'utf8')
for (const plugins of [specKit, {plugins: [remarkGfm, taskId]}]) {
  const processor = unified().use(remarkParse).use(plugins)
  const file = new VFile({path: 'tasks.md', value: text})
  await processor.run(processor.parse(file), file)
  console.log(file.messages.map((m) => m.ruleId + ' ' + m.line).join(', '))
}
`
    )
    const result = run(process.execPath, ['use.js'])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('Duplicate task ID "T001" (first at line 5)\ntask-id 6\ntask-id 6\n')
  })

  it('runs the language server', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version
    expect(run(join(project, 'node_modules/.bin/planlint-language-server'), ['--version'])).toMatchObject({status: 0, stdout: `${version}\n`})
  })

  it('has declarations TypeScript resolves, without skipLibCheck', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({compilerOptions: {module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: false}, files: ['use.ts']})
    )
    const tsc = join(root, 'node_modules/typescript/bin/tsc')
    const check = (source: string) => {
      writeFileSync(join(project, 'use.ts'), source)
      return run(process.execPath, [tsc, '-p', 'tsconfig.json'])
    }
    const uses = `import {lintFiles, type LintResult} from 'planlint'
import specKit from 'planlint/presets/spec-kit'
import taskId from 'planlint/rules/task-id'
import {unified} from 'unified'
const {results}: {results: LintResult[]} = await lintFiles(['specs'])
const processor = unified().use(specKit).use(taskId)
export {results, processor}
`
    expect(check(uses)).toMatchObject({status: 0, stdout: ''})
    // The types are real, not \`any\`: a misuse is an error.
    const misuse = check(`${uses}export const count: number = results[0]!.messages\n`)
    expect(misuse.stdout).toMatch(/use\.ts\(8,14\): error TS2322/)
  })
})
