/**
 * `planlint-language-server`, started as an editor starts it (`--stdio`) and
 * driven by a real LSP client (vscode-languageserver-protocol): diagnostics
 * appear for a leftover placeholder, with planlint's rule id, range and
 * message, exactly as `lint()` reports them, and go away when the text is fixed.
 */
import {type ChildProcessWithoutNullStreams, spawn, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {
  type CodeAction,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  RegistrationRequest,
  type TextEdit,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter
} from 'vscode-languageserver-protocol/node'
import {docsUrl} from '../src/core/meta.js'
import {lint} from '../src/engine/run.js'
import {cleanTasks, hasCommand, leftoverPlan, root, tempProject} from './helpers.js'

const serverPath = join(root, 'dist/bin/language-server.js')

/** An editor's side of the connection: opens and edits documents, collects diagnostics. */
class Editor {
  private readonly published: PublishDiagnosticsParams[] = []
  private readonly waiting: Array<{match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void}> = []
  private readonly versions = new Map<string, number>()
  stderr = ''
  capabilities: Record<string, unknown> = {}

  private constructor(
    private readonly server: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection
  ) {
    server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')))
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params)
      for (const waiter of this.waiting.filter((w) => w.match(params))) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        waiter.resolve(params)
      }
    })
    connection.listen()
  }

  /**
   * Start the server in `workspace`. `settings: 'none'` makes a client like
   * Neovim's: it offers workspace/configuration and answers `null` for
   * settings it does not have.
   */
  static async start(workspace: string, client: {settings?: 'none'} = {}): Promise<Editor> {
    const server = spawn(process.execPath, [serverPath, '--stdio'], {cwd: workspace})
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
    if (client.settings === 'none') {
      connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null))
      connection.onRequest(RegistrationRequest.type, () => undefined)
    }
    const editor = new Editor(server, connection)
    running.push(editor)
    const uri = pathToFileURL(workspace).href
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{uri, name: 'plans'}],
      capabilities: client.settings === 'none' ? {workspace: {configuration: true, workspaceFolders: true}} : {}
    })
    editor.capabilities = initialized.capabilities as Record<string, unknown>
    await connection.sendNotification(InitializedNotification.type, {})
    return editor
  }

  /** The diagnostics published for this version of the document (waits for them). */
  private diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const match = (p: PublishDiagnosticsParams): boolean => p.uri === uri && p.version === version
    const already = this.published.find(match)
    if (already) return Promise.resolve(already.diagnostics)
    return new Promise((resolve) => this.waiting.push({match, resolve})).then((p) => (p as PublishDiagnosticsParams).diagnostics)
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1)
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'markdown', version: 1, text}})
    return this.diagnostics(uri, 1)
  }

  /** Replace the whole text, as a client with full sync does on each edit. */
  async edit(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1
    this.versions.set(uri, version)
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version}, contentChanges: [{text}]})
    return this.diagnostics(uri, version)
  }

  /** The diagnostics published next for a document, whatever its version (after a config change). */
  next(uri: string): Promise<Diagnostic[]> {
    const after = this.published.length
    return new Promise<PublishDiagnosticsParams>((resolve) => this.waiting.push({match: (p) => p.uri === uri && this.published.indexOf(p) >= after, resolve})).then(
      (p) => p.diagnostics
    )
  }

  /** Every version diagnostics were published for, in order. */
  versionsPublished(uri: string): Array<number | undefined> {
    return this.published.filter((p) => p.uri === uri).map((p) => p.version)
  }

  actions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range, context: {diagnostics: [], ...(only ? {only} : {})}}) as Promise<CodeAction[]>
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.server.once('exit', (code) => resolve(code)))
    if (this.server.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type)
      await this.connection.sendNotification(ExitNotification.type)
    }
    const code = await exited
    this.connection.dispose()
    return code
  }

  kill(): void {
    if (this.server.exitCode === null) this.server.kill()
    this.connection.dispose()
  }
}

const running: Editor[] = []
afterEach(() => {
  for (const editor of running.splice(0)) editor.kill()
})

/** What `lint()` reports for this text, as LSP diagnostics (0-based lines and characters). */
async function expectedDiagnostics(path: string, text: string, cwd: string): Promise<Diagnostic[]> {
  const {messages} = await lint({path, text}, {cwd})
  return messages.map((m) => ({
    range: {start: {line: m.line - 1, character: m.column - 1}, end: {line: m.endLine - 1, character: m.endColumn - 1}},
    message: m.message,
    severity: m.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    ...(m.ruleId ? {code: m.ruleId, codeDescription: {href: docsUrl(m.ruleId)}} : {}),
    source: 'planlint'
  }))
}

describe('planlint-language-server', () => {
  it('reports a leftover placeholder as lint() does, and clears it when the text is fixed', async () => {
    const workspace = tempProject({'specs/001/plan.md': leftoverPlan})
    const path = join(workspace, 'specs/001/plan.md')
    const uri = pathToFileURL(path).href
    const editor = await Editor.start(workspace)

    const opened = await editor.open(uri, leftoverPlan)
    expect(opened[0]).toEqual({
      range: {start: {line: 2, character: 10}, end: {line: 2, character: 16}},
      message: 'Unfilled placeholder "[DATE]": replace it with real content',
      severity: DiagnosticSeverity.Error,
      code: 'no-placeholders',
      codeDescription: {href: docsUrl('no-placeholders')},
      source: 'planlint'
    })
    expect(opened).toEqual(await expectedDiagnostics(path, leftoverPlan, workspace))

    // The editor's text, not the file on disk, is what gets linted.
    const fixed = leftoverPlan.replace('[DATE]', '2025-03-14')
    const edited = await editor.edit(uri, fixed)
    expect(edited.map((d) => d.message)).not.toContain('Unfilled placeholder "[DATE]": replace it with real content')
    expect(edited).toEqual(await expectedDiagnostics(path, fixed, workspace))
    expect(edited.length).toBe(opened.length - 1)

    // planlint does not format, and says so.
    expect(editor.capabilities['documentFormattingProvider']).toBeUndefined()
    expect(await editor.stop()).toBe(0)
  })

  it('reads the planlint config nearest to the document, as the CLI does', async () => {
    const workspace = tempProject({
      '.planlintrc.json': JSON.stringify({rules: {'no-placeholders': 'warn'}, ignore: ['archive/**']}),
      'strict/.planlintrc.yaml': 'preset: spec-kit\n',
      'broken/.planlintrc.json': '{"rules": {"no-placeholder": "error"}}'
    })
    const editor = await Editor.start(workspace)
    const uriOf = (name: string): string => pathToFileURL(join(workspace, name)).href

    const warned = await editor.open(uriOf('plan.md'), leftoverPlan)
    expect(warned.map((d) => [d.code, d.severity])).toEqual([
      ['no-placeholders', DiagnosticSeverity.Warning],
      ['no-placeholders', DiagnosticSeverity.Warning]
    ])
    const strict = await editor.open(uriOf('strict/plan.md'), leftoverPlan)
    expect(strict).toEqual(await expectedDiagnostics(join(workspace, 'strict/plan.md'), leftoverPlan, workspace))
    expect(strict.filter((d) => d.code === 'no-placeholders').map((d) => d.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error])

    expect(await editor.open(uriOf('archive/plan.md'), leftoverPlan)).toEqual([])

    const broken = await editor.open(uriOf('broken/tasks.md'), cleanTasks)
    expect(broken).toHaveLength(1)
    expect(broken[0]).toMatchObject({severity: DiagnosticSeverity.Error, source: 'planlint', range: {start: {line: 0, character: 0}}})
    expect(broken[0]!.message).toContain('broken/.planlintrc.json: rules: unknown rule "no-placeholder"')
    expect(await editor.stop()).toBe(0)
  })

  it('works with a client that has no planlint settings and says so with null, as Neovim does', async () => {
    const workspace = tempProject({})
    const uri = pathToFileURL(join(workspace, 'plan.md')).href
    const editor = await Editor.start(workspace, {settings: 'none'})
    const opened = await editor.open(uri, leftoverPlan)
    expect(opened.filter((d) => d.code === 'no-placeholders').map((d) => d.range.start)).toEqual([
      {line: 2, character: 10},
      {line: 4, character: 13}
    ])
    expect(editor.stderr).toBe('')
    expect(await editor.stop()).toBe(0)
  })

  it('offers a quick fix for each fixable message, "fix all", and actions that disable the rule, each of which works', async () => {
    const text = '# Tasks: Sync\n\n## Phase 1: Setup\n\n- [ ] T1 Create src/a.ts\n- [ ] T2 Create src/b.ts\n\nCache: TBD\n'
    const workspace = tempProject({'.planlintrc.json': JSON.stringify({preset: 'spec-maestro'})})
    const uri = pathToFileURL(join(workspace, 'tasks.md')).href
    const editor = await Editor.start(workspace)
    const opened = await editor.open(uri, text)
    expect(opened.map((d) => [d.code, d.range.start.line])).toEqual([
      ['task-id', 4],
      ['task-id', 5],
      ['no-placeholders', 7]
    ])
    const line = (n: number): Range => ({start: {line: n, character: 0}, end: {line: n, character: 0}})

    const onFirst = await editor.actions(uri, line(4))
    expect(onFirst.map((a) => [a.title, a.kind])).toEqual([
      ['Replace "T1" with "T001"', 'quickfix'],
      ['Ignore task-id in this list', 'quickfix'],
      ['Disable task-id for this file', 'quickfix'],
      ['Fix all planlint problems that can be fixed (2)', 'source.fixAll.planlint'],
      ['Fix all planlint problems that can be fixed (2)', 'quickfix']
    ])
    const apply = (action: CodeAction) => applyEdits(text, action.edit!.changes![uri]!)
    expect(apply(onFirst[0]!)).toBe(text.replace('T1 ', 'T001 '))
    expect(apply(onFirst[3]!)).toBe(text.replace('T1 ', 'T001 ').replace('T2 ', 'T002 '))
    // Editors ask for fix-all alone on save.
    expect((await editor.actions(uri, line(0), ['source.fixAll'])).map((a) => a.kind)).toEqual(['source.fixAll.planlint'])

    // Each action's text, linted again, has lost exactly what it said.
    const codes = async (changed: string) => (await editor.edit(uri, changed)).map((d) => d.code)
    expect(await codes(apply(onFirst[1]!))).toEqual(['no-placeholders'])
    expect(await codes(apply(onFirst[2]!))).toEqual(['no-placeholders'])
    expect(await codes(apply(onFirst[3]!))).toEqual(['no-placeholders'])
    await editor.edit(uri, text)
    const onOwner = await editor.actions(uri, line(7))
    expect(onOwner.map((a) => a.title)).toEqual(['Ignore no-placeholders in this paragraph', 'Disable no-placeholders for this file', 'Fix all planlint problems that can be fixed (2)'])
    expect(await codes(apply(onOwner[0]!))).toEqual(['task-id', 'task-id'])
    expect(await editor.stop()).toBe(0)
  })

  it('reports only the last of quick edits, and an unsaved document too', async () => {
    const workspace = tempProject({})
    const uri = pathToFileURL(join(workspace, 'plan.md')).href
    const editor = await Editor.start(workspace)
    await editor.open(uri, leftoverPlan)
    // Five edits in quick succession (sent at once, well inside the debounce): diagnostics for the last text only.
    const edits = [1, 2, 3, 4, 5].map((n) => editor.edit(uri, leftoverPlan.replace('[DATE]', `2025-03-1${n}`)))
    const last = await edits[4]!
    expect(last.map((d) => d.message)).toEqual(['Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it'])
    expect(editor.versionsPublished(uri)).toEqual([1, 6])

    const untitled = await editor.open('untitled:Untitled-1', leftoverPlan)
    expect(untitled.map((d) => d.code)).toEqual(['no-placeholders', 'no-placeholders'])
    expect(await editor.stop()).toBe(0)
  })

  it('lints open documents again when a config file changes', async () => {
    const workspace = tempProject({})
    const uri = pathToFileURL(join(workspace, 'plan.md')).href
    const editor = await Editor.start(workspace)
    expect((await editor.open(uri, leftoverPlan)).map((d) => d.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error])
    writeFileSync(join(workspace, '.planlintrc.json'), JSON.stringify({rules: {'no-placeholders': 'warn'}}))
    const next = editor.next(uri)
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: pathToFileURL(join(workspace, '.planlintrc.json')).href, type: 1}]})
    expect((await next).map((d) => d.severity)).toEqual([DiagnosticSeverity.Warning, DiagnosticSeverity.Warning])
    expect(await editor.stop()).toBe(0)
  })

  it("updates an open tasks.md's diagnostics when its spec.md changes in the editor, unsaved", async () => {
    const spec = (stories: number[]) =>
      `# Feature Specification: Sync\n\n## User Scenarios & Testing\n\n${stories.map((n) => `### User Story ${n} - Story ${n} (Priority: P${n})\n\n1. **Given** an edit, **When** online, **Then** it syncs.\n\n`).join('')}## Requirements\n\n- **FR-001**: Sync.\n\n## Success Criteria\n\n- **SC-001**: Fast.\n`
    const workspace = tempProject({'specs/001-sync/spec.md': spec([1, 2])})
    const folder = join(workspace, 'specs/001-sync')
    const tasks = '# Tasks: Sync\n\n## Phase 1: User Story 1\n\n- [ ] T001 [US1] Add src/a.ts\n\n## Phase 2: User Story 2\n\n- [ ] T002 [US2] Add src/b.ts\n'
    const tasksUri = pathToFileURL(join(folder, 'tasks.md')).href
    const specUri = pathToFileURL(join(folder, 'spec.md')).href
    const editor = await Editor.start(workspace)
    expect(await editor.open(tasksUri, tasks)).toEqual([])
    // Opening the spec checks the open tasks.md again, against the editor's text.
    const again = editor.next(tasksUri)
    await editor.open(specUri, spec([1, 2]))
    expect(await again).toEqual([])
    const next = editor.next(tasksUri)
    await editor.edit(specUri, spec([1]))
    expect((await next).map((d) => `${d.range.start.line + 1} ${d.message}`)).toEqual([
      '7 Phase "Phase 2: User Story 2" (with 1 task marked [US2]) names user story 2, which spec.md does not have (its stories: 1)'
    ])
    expect(await editor.stop()).toBe(0)
  })

  it('answers --help and --version, and says what is missing without a transport', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [serverPath, ...args], {encoding: 'utf8'})
    expect(run('--version')).toMatchObject({status: 0, stdout: `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`})
    expect(run('--help')).toMatchObject({status: 0})
    expect(run('--help').stdout).toMatch(/^Usage: planlint-language-server --stdio/)
    const bare = run()
    expect(bare.status).toBe(2)
    expect(bare.stderr).toMatch(/^planlint-language-server: say how to talk to the editor \(--stdio\)/)
  })
})

/** The text after an action's edits, applied from the end. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (position: {line: number; character: number}) =>
    text.split('\n').slice(0, position.line).reduce((total, line) => total + line.length + 1, 0) + position.character
  let result = text
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end))
  }
  return result
}

describe("the README's Neovim 0.7 snippet", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const snippet = /With Neovim 0\.7 to 0\.9[\s\S]*?```lua\n([\s\S]*?)```/.exec(readme)![1]!
  const nvim = hasCommand('nvim')

  it.skipIf(!nvim)('starts the server for a Markdown buffer and shows its diagnostics (skipped without nvim)', () => {
    const workspace = tempProject({'plan.md': leftoverPlan, 'init.lua': snippet, 'check.lua': [
      "vim.cmd('edit plan.md')",
      'vim.wait(20000, function() return #vim.diagnostic.get(0) >= 2 end, 100)',
      "for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write(string.format('%d:%d %s %s\\n', d.lnum + 1, d.col + 1, d.source or '', d.message)) end",
      "vim.cmd('qa!')"
    ].join('\n')})
    // `npx planlint-language-server` finds the project's own install first, as in a project with planlint installed.
    mkdirSync(join(workspace, 'node_modules/.bin'), {recursive: true})
    const bin = join(workspace, 'node_modules/.bin/planlint-language-server')
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${serverPath}" "$@"\n`)
    chmodSync(bin, 0o755)
    const result = spawnSync('nvim', ['--headless', '-u', 'init.lua', '-c', 'luafile check.lua'], {cwd: workspace, encoding: 'utf8', timeout: 60_000})
    expect(result.stdout.trim().split('\n')).toEqual([
      '3:11 planlint Unfilled placeholder "[DATE]": replace it with real content',
      '5:14 planlint Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it'
    ])
  }, 90_000)
})
