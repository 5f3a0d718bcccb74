#!/usr/bin/env node
/**
 * `planlint-language-server`: planlint's messages as diagnostics in any
 * editor with a Language Server Protocol client (start it with `--stdio`).
 *
 * unified-language-server speaks the protocol and runs documents through
 * unified-engine; the processor it is given here only hands each document to
 * `lint()`, the function the CLI uses, so the editor shows exactly what
 * `planlint FILE` reports, with the same config lookup (.planlintrc.*, the
 * `planlint` key in package.json, nearest to the file). remark's own
 * `.remarkrc` files are not read: no rc name or package field is given.
 */
import {dirname, relative} from 'node:path'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {createUnifiedLanguageServer} from 'unified-language-server'
import type {VFile} from 'vfile'
import {ProposedFeatures} from 'vscode-languageserver/node.js'
import {PlanlintError} from '../core/errors.js'
import {ConfigError, ConfigFinder} from '../engine/config/load.js'
import {isIgnoredByConfig} from '../engine/config/resolve.js'
import {lint} from '../engine/run.js'

/** Lint the document with `lint()` and put its messages on the file, as unified-engine expects. */
async function addPlanlintMessages(file: VFile): Promise<void> {
  const text = String(file.value ?? '')
  try {
    // As on the command line, a file the config's `ignore` lists is never linted.
    if (isIgnoredByConfig(new ConfigFinder().find(dirname(file.path)), file.path)) return
    const {messages} = await lint({path: file.path, text}, {cwd: file.cwd})
    for (const message of messages) {
      const place = {start: {line: message.line, column: message.column}, end: {line: message.endLine, column: message.endColumn}}
      const vfileMessage = file.message(message.message, {place, ruleId: message.ruleId ?? undefined, source: 'planlint'})
      // unified-language-server maps fatal true/false to Error/Warning.
      vfileMessage.fatal = message.severity === 'error'
    }
  } catch (error) {
    // A broken config (or any refusal) is the user's to fix, a bug is ours:
    // either way the editor shows it at the top of the document, and a bug's
    // stack goes to the server's log, rather than the document going quiet.
    const reason =
      error instanceof ConfigError
        ? `${relative(file.cwd, error.file)}: ${error.problem}`
        : error instanceof PlanlintError
          ? error.message
          : `planlint: internal error: ${String((error as Error).message ?? error).split('\n')[0]}`
    if (!(error instanceof PlanlintError)) process.stderr.write(`planlint-language-server: ${(error as Error).stack ?? String(error)}\n`)
    const message = file.message(reason, {place: {line: 1, column: 1}, source: 'planlint'})
    message.fatal = true
  }
}

/**
 * The processor unified-language-server loads (see `processorName` below).
 * Parsing is left to `lint()`, so the tree is an empty root; "compiling"
 * returns the text unchanged, so a format request changes nothing.
 */
export const planlintProcessor = unified()
  .use(function parse() {
    this.parser = (): Root => ({type: 'root', children: []})
  })
  .use(function planlintMessages() {
    return (_tree: Root, file: VFile) => addPlanlintMessages(file)
  })
  .use(function keepText() {
    this.compiler = (_tree, file) => String(file.value ?? '')
  })
  .freeze()

// unified-language-server does not catch a failure while checking a document
// (an unsaved one with no file: URI, say); Node would exit on the unhandled
// rejection, and an editor's server should log it and keep serving.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`planlint-language-server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`)
})

/** The part of vscode-languageserver's workspace object this file changes. */
type Workspace = new () => {getConfiguration(item?: unknown): Promise<unknown>}

/**
 * unified-language-server asks the client for its `planlint` settings
 * (requireConfig, ignorePath) and fails on a `null` answer, which is what
 * Neovim and VS Code's generic LSP clients send when the user has none: the
 * editor would then get no diagnostics at all. Read `null` as "no settings".
 * This adds a workspace feature to the feature set unified-language-server
 * creates its connection with (the same vscode-languageserver module: the
 * version range matches its, so npm installs one copy; the tests would
 * catch a second).
 */
function nullMeansNoSettings(Base: Workspace): Workspace {
  return class extends Base {
    override async getConfiguration(item?: unknown): Promise<unknown> {
      return (await super.getConfiguration(item)) ?? {}
    }
  }
}
Object.assign(ProposedFeatures.all, {workspace: nullMeansNoSettings})

process.title = 'planlint-language-server'

createUnifiedLanguageServer({
  // unified-language-server imports the processor by name from the
  // workspace; naming this module's own URL makes it always this planlint's.
  processorName: import.meta.url,
  processorSpecifier: 'planlintProcessor',
  configurationSection: 'planlint'
})
