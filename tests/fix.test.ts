/** `--fix`: certain fixes only, byte for byte, atomic, and idempotent. */
import {chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintFiles} from '../src/index.js'
import {root, runCli, tempProject} from './helpers.js'

const input = readFileSync(join(root, 'fixtures/fix/tasks.md'), 'utf8')
const expected = readFileSync(join(root, 'fixtures/fix/tasks.fixed.md'), 'utf8')

function fix(cwd: string, ...args: string[]) {
  return runCli(['--no-config', '--fix', '--format', 'json', ...args, 'tasks.md'], {cwd})
}

describe('planlint --fix', () => {
  it('writes exactly the expected file, reports what it fixed, and a second run changes nothing', () => {
    const cwd = tempProject({'tasks.md': input})
    const first = fix(cwd)
    expect(first.status).toBe(0)
    expect(readFileSync(join(cwd, 'tasks.md'), 'utf8')).toBe(expected)
    const [result] = JSON.parse(first.stdout) as Array<{fixed?: number; messages: unknown[]}>
    // T2, t003, T-004, marker order and T0005.
    expect(result!.fixed).toBe(5)
    expect(result!.messages).toEqual([])

    const before = statSync(join(cwd, 'tasks.md')).mtimeMs
    const second = fix(cwd)
    expect(second.status).toBe(0)
    expect(JSON.parse(second.stdout)[0].fixed).toBeUndefined()
    expect(readFileSync(join(cwd, 'tasks.md'), 'utf8')).toBe(expected)
    expect(statSync(join(cwd, 'tasks.md')).mtimeMs).toBe(before)
  })

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = (text: string) => Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf8')
    const cwd = tempProject({'tasks.md': crlf(input)})
    expect(fix(cwd).status).toBe(0)
    expect(readFileSync(join(cwd, 'tasks.md')).equals(crlf(expected))).toBe(true)
  })

  it('replaces the file atomically, keeping its mode and leaving no temporary file', () => {
    const cwd = tempProject({'tasks.md': input})
    chmodSync(join(cwd, 'tasks.md'), 0o640)
    fix(cwd)
    expect(statSync(join(cwd, 'tasks.md')).mode & 0o777).toBe(0o640)
    expect(readdirSync(cwd)).toEqual(['tasks.md'])
  })

  it('leaves what it cannot fix for certain, and reports it', () => {
    // A second T006 among the phase's tasks, before the closing section.
    const duplicated = input.replace('\n## Dependencies', '- [ ] T006 Duplicate of the banner task in src/ui/banner.tsx\n\n## Dependencies')
    const cwd = tempProject({'tasks.md': duplicated})
    const run = fix(cwd)
    expect(run.status).toBe(1)
    const [result] = JSON.parse(run.stdout) as Array<{messages: Array<{message: string}>}>
    expect(result!.messages.map((m) => m.message)).toContain('Duplicate task ID "T006" (first at line 13)')
    expect(readFileSync(join(cwd, 'tasks.md'), 'utf8')).toContain('- [ ] T006 Duplicate of the banner task')
  })

  it('refuses to combine with --stdin or --staged', () => {
    const run = runCli(['--fix', '--stdin'], {input})
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('planlint: --fix works on files: it cannot be combined with --stdin or --staged\n')
  })
})

describe('--fix never loses data', () => {
  // Three files that each need a fix; the middle one is changed or removed
  // after planlint read it, before the fixed copy replaces it.
  const three = () => tempProject({'a/tasks.md': input, 'b/tasks.md': input, 'c/tasks.md': input})
  const fixAll = (cwd: string, meddle: (file: string) => void) =>
    lintFiles(['a/tasks.md', 'b/tasks.md', 'c/tasks.md'], {
      cwd,
      config: false,
      fix: true,
      beforeFixWrite: async (file) => {
        if (file.endsWith(join('b', 'tasks.md'))) meddle(file)
      }
    })

  it('keeps an edit made while it ran, says so, and fixes the other files', async () => {
    const cwd = three()
    const edited = input.replace('# Tasks', '# Tasks (edited meanwhile)')
    const {results} = await fixAll(cwd, (file) => writeFileSync(file, edited))
    expect(readFileSync(join(cwd, 'b/tasks.md'), 'utf8')).toBe(edited)
    expect(results[1]!.messages[0]).toMatchObject({
      fatal: true,
      message: 'Not fixed: the file changed while planlint read it; run planlint --fix again'
    })
    expect(results[1]!.fixed).toBeUndefined()
    for (const other of ['a', 'c']) expect(readFileSync(join(cwd, other, 'tasks.md'), 'utf8')).toBe(expected)
    expect(readdirSync(join(cwd, 'b'))).toEqual(['tasks.md'])
  })

  it('reports a file removed while it ran, and fixes and reports the others', async () => {
    const cwd = three()
    const {results} = await fixAll(cwd, (file) => rmSync(file))
    expect(results.map((result) => result.file)).toEqual([join('a', 'tasks.md'), join('b', 'tasks.md'), join('c', 'tasks.md')])
    expect(results[1]!.messages[0]!.message).toBe('Not fixed: the file was removed while planlint read it')
    expect(readdirSync(join(cwd, 'b'))).toEqual([])
    expect(results[2]!.fixed).toBe(5)
    expect(readFileSync(join(cwd, 'c/tasks.md'), 'utf8')).toBe(expected)
  })

  it('says a fix it cannot write, leaves that file as it was, and fixes the others', async () => {
    const cwd = three()
    // The folder cannot take the fixed copy: where it would be written, a
    // folder stands (as root, a read-only folder would not stop the write).
    mkdirSync(join(cwd, 'b', `.tasks.md.planlint-${process.pid}.tmp`))
    const {results} = await lintFiles(['a/tasks.md', 'b/tasks.md', 'c/tasks.md'], {cwd, config: false, fix: true})
    expect(results[1]!.messages[0]).toMatchObject({fatal: true, message: 'Not fixed: cannot write the fix: a folder stands where its fixed copy is written'})
    expect(readFileSync(join(cwd, 'b/tasks.md'), 'utf8')).toBe(input)
    for (const other of ['a', 'c']) expect(readFileSync(join(cwd, other, 'tasks.md'), 'utf8')).toBe(expected)
  })
})
