#!/usr/bin/env node
/**
 * `planlint-language-server`: planlint's messages as diagnostics in any
 * editor with a Language Server Protocol client (start it with `--stdio`),
 * with quick fixes.
 *
 * Each document is linted with `lint()`, the function the CLI uses, so the
 * editor shows exactly what `planlint FILE` reports, with the same config
 * lookup (.planlintrc.*, the `planlint` key in package.json, nearest to the
 * file). Edits are debounced and only the latest text is reported; a change
 * to a config file re-lints the open documents.
 */
import {dirname, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root, RootContent} from 'mdast'
import {
  type CodeAction,
  CodeActionKind,
  createConnection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  type Range,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {getRule} from '../../rules/index.js'
import {PlanlintError} from '../core/errors.js'
import {docsUrl, version} from '../core/meta.js'
import type {LintMessage} from '../core/types.js'
import {ConfigError, ConfigFinder} from '../engine/config/load.js'
import {isIgnoredByConfig} from '../engine/config/resolve.js'
import {compatibleFixes, type Fix} from '../engine/fix.js'
import {fileMessage, parseDocument} from '../engine/lint.js'
import {readFromDisk} from '../core/plan/folder.js'
import {lint} from '../engine/run.js'

const usage = `Usage: planlint-language-server --stdio

The planlint language server, for editors with a Language Server Protocol
client: diagnostics for plan documents, quick fixes for what --fix fixes,
and actions to disable a rule. Also --node-ipc or --socket=PORT.
`

const argv = process.argv.slice(2)
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(usage)
  process.exit(0)
}
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`${version}\n`)
  process.exit(0)
}
if (!argv.some((arg) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)/.test(arg))) {
  process.stderr.write(`planlint-language-server: say how to talk to the editor (--stdio)\n\n${usage}`)
  process.exit(2)
}

/** How long typing must pause before a document is linted again (ms). */
const debounce = 75

/** Action kind of "fix all": editors run it on save (`source.fixAll.planlint`). */
const fixAllKind = `${CodeActionKind.SourceFixAll}.planlint`

const connection = createConnection(ProposedFeatures.all)
const documents = new TextDocuments(TextDocument)
// The messages of the text last reported, per document: code actions read them.
const reported = new Map<string, {version: number; messages: LintMessage[]}>()
const pending = new Map<string, NodeJS.Timeout>()
let workspaceRoot = process.cwd()

// A bug while linting one document is logged; the server keeps serving.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`planlint-language-server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`)
})

connection.onInitialize((params) => {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri
  if (folder?.startsWith('file:')) workspaceRoot = fileURLToPath(folder)
  const watches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
  if (watches) {
    connection.onInitialized(() => {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: ['**/.planlintrc', '**/.planlintrc.*', '**/package.json', '**/.planlintignore'].map((globPattern) => ({globPattern}))
      })
    })
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]}
    },
    serverInfo: {name: 'planlint-language-server', version}
  }
})

// A config that changed changes every open document's messages.
connection.onDidChangeWatchedFiles(() => {
  for (const document of documents.all()) schedule(document.uri, 0)
})

// A changed document changes the messages of the open documents of its
// feature folder too (tasks.md is checked against spec.md).
documents.onDidChangeContent(({document}) => {
  const delay = document.version === 1 ? 0 : debounce
  schedule(document.uri, delay)
  for (const sibling of openSiblingsOf(document.uri)) schedule(sibling, delay)
})
documents.onDidClose(({document}) => {
  clearTimeout(pending.get(document.uri))
  pending.delete(document.uri)
  reported.delete(document.uri)
  void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
})

/** The other open documents of a file's folder, which may be checked against it. */
function openSiblingsOf(uri: string): string[] {
  if (!uri.startsWith('file:')) return []
  const dir = dirname(fileURLToPath(uri))
  return documents
    .all()
    .map((document) => document.uri)
    .filter((other) => other !== uri && other.startsWith('file:') && dirname(fileURLToPath(other)) === dir)
}

/** A document beside the one linted, as the editor holds it if it is open (unsaved edits too), else from the disk. */
function readSibling(path: string): string | undefined {
  // By path, not by URI: clients spell file URIs their own way (`%3A`, a drive letter's case).
  const open = documents.all().find((document) => document.uri.startsWith('file:') && fileURLToPath(document.uri) === path)
  return open ? open.getText() : readFromDisk(path)
}

function schedule(uri: string, delay: number): void {
  clearTimeout(pending.get(uri))
  pending.set(
    uri,
    setTimeout(() => {
      pending.delete(uri)
      void check(uri)
    }, delay)
  )
}

async function check(uri: string): Promise<void> {
  const document = documents.get(uri)
  if (!document) return
  const messages = await messagesFor(document)
  // The text changed while it was linted: the newer text's own run reports.
  const now = documents.get(uri)
  if (!now || now.version !== document.version) return
  reported.set(uri, {version: document.version, messages})
  await connection.sendDiagnostics({uri, version: document.version, diagnostics: messages.map(toDiagnostic)})
}

/** The document's messages as `lint()` gives them; a config or a bug that stops it is one message at the top. */
async function messagesFor(document: TextDocument): Promise<LintMessage[]> {
  // An unsaved document (`untitled:`) is linted as text, under the workspace's config.
  const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined
  try {
    // As on the command line, a file the config's `ignore` lists is never linted.
    if (path && isIgnoredByConfig(new ConfigFinder().find(dirname(path)), path)) return []
    return (await lint({path, text: document.getText()}, {cwd: workspaceRoot, readSibling})).messages
  } catch (error) {
    // A broken config (or any refusal) is the user's to fix, a bug is ours:
    // either way the editor shows it at the top of the document, and a bug's
    // stack goes to the server's log, rather than the document going quiet.
    const reason =
      error instanceof ConfigError
        ? `${relative(workspaceRoot, error.file)}: ${error.problem}`
        : error instanceof PlanlintError
          ? error.message
          : `planlint: internal error: ${String((error as Error).message ?? error).split('\n')[0]}`
    if (!(error instanceof PlanlintError)) process.stderr.write(`planlint-language-server: ${(error as Error).stack ?? String(error)}\n`)
    return [fileMessage(reason)]
  }
}

function rangeOf(message: LintMessage): Range {
  return {start: {line: message.line - 1, character: message.column - 1}, end: {line: message.endLine - 1, character: message.endColumn - 1}}
}

function toDiagnostic(message: LintMessage): Diagnostic {
  const rule = message.ruleId ? getRule(message.ruleId) : undefined
  return {
    range: rangeOf(message),
    message: message.message,
    severity: message.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    ...(message.ruleId ? {code: message.ruleId} : {}),
    ...(rule ? {codeDescription: {href: docsUrl(rule.id)}} : {}),
    source: 'planlint'
  }
}

function editOf(document: TextDocument, fix: Fix): TextEdit {
  return TextEdit.replace({start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1])}, fix.text)
}

function touches(message: LintMessage, range: Range): boolean {
  return message.line - 1 <= range.end.line && message.endLine - 1 >= range.start.line
}

connection.onCodeAction(({textDocument, range, context}) => {
  const document = documents.get(textDocument.uri)
  const linted = reported.get(textDocument.uri)
  // Actions are for the text the messages were found in, not a newer one.
  if (!document || !linted || linted.version !== document.version) return []
  const wanted = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`))
  const actions: CodeAction[] = []
  const here = linted.messages.filter((message) => touches(message, range))

  if (wanted(CodeActionKind.QuickFix)) {
    for (const message of here) {
      if (!message.fix) continue
      const before = document.getText().slice(message.fix.range[0], message.fix.range[1])
      actions.push({
        title: before ? `Replace "${before}" with "${message.fix.text}"` : `Insert "${message.fix.text}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(message)],
        isPreferred: true,
        edit: {changes: {[document.uri]: [editOf(document, message.fix)]}}
      })
    }
    const ruleIds = new Set(here.flatMap((message) => (message.ruleId && getRule(message.ruleId) ? [message.ruleId] : [])))
    // Where the comments go is read from the tree: parsed once per request, and only when needed.
    const tree = ruleIds.size > 0 ? parseDocument(document.getText()).tree : undefined
    for (const ruleId of ruleIds) {
      const message = here.find((m) => m.ruleId === ruleId)!
      const block = blockAt(tree!, message.line)
      if (block) {
        actions.push({
          title: `Ignore ${ruleId} in this ${block.kind}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: here.filter((m) => m.ruleId === ruleId).map(toDiagnostic),
          edit: {changes: {[document.uri]: [TextEdit.insert({line: block.line, character: 0}, `<!-- planlint ignore ${ruleId} -->\n`)]}}
        })
      }
      actions.push({
        title: `Disable ${ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: here.filter((m) => m.ruleId === ruleId).map(toDiagnostic),
        edit: {changes: {[document.uri]: [TextEdit.insert({line: fileStartLine(tree!), character: 0}, `<!-- planlint disable ${ruleId} -->\n`)]}}
      })
    }
  }

  const all = compatibleFixes(linted.messages)
  const fixAll = (kind: string): CodeAction => ({
    title: `Fix all planlint problems that can be fixed (${all.length})`,
    kind,
    edit: {changes: {[document.uri]: all.map((fix) => editOf(document, fix))}}
  })
  if (all.length > 0 && wanted(fixAllKind)) actions.push(fixAll(fixAllKind))
  if (all.length > 1 && wanted(CodeActionKind.QuickFix) && here.some((message) => message.fix)) actions.push(fixAll(CodeActionKind.QuickFix))
  return actions
})

/**
 * The top-level block holding a line, where an `ignore` comment goes: the
 * comment silences the node after it, and a comment between two list items
 * would split the list, so it goes before the whole list.
 */
function blockAt(tree: Root, line: number): {line: number; kind: string} | undefined {
  const node = tree.children.find((child) => child.position && child.position.start.line <= line && child.position.end.line >= line)
  if (!node?.position || frontMatter.has(node.type) || node.type === 'html') return undefined
  return {line: node.position.start.line - 1, kind: blockKinds[node.type] ?? 'block'}
}

const frontMatter = new Set<string>(['yaml', 'toml'])

const blockKinds: Partial<Record<RootContent['type'], string>> = {
  list: 'list',
  heading: 'heading',
  paragraph: 'paragraph',
  table: 'table',
  code: 'code block',
  blockquote: 'quote'
}

/** The first line after front matter: where a file-wide comment goes. */
function fileStartLine(tree: Root): number {
  const first = tree.children[0]
  return first && frontMatter.has(first.type) && first.position ? first.position.end.line : 0
}

documents.listen(connection)
connection.listen()
