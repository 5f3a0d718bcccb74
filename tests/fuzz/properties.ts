/**
 * What must hold for any input, under any preset: the fuzzer's properties,
 * shared by the test suite (a fixed seed, a few hundred inputs) and
 * `npm run fuzz` (random seeds, as long as it is given).
 */
import {applyFixes} from '../../src/engine/fix.js'
import {decodeDocument} from '../../src/engine/files.js'
import {lint, type LintMessage} from '../../src/index.js'

/** Why the messages on `text` are wrong, or undefined. */
export async function lintProblem(text: string, preset: string): Promise<string | undefined> {
  const {messages} = await lint(text, {config: false, preset})
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split(/\r\n|\r|\n/)
  for (const message of messages) {
    if (message.fatal) return `not checked: ${message.message}`
    const line = lines[message.line - 1]
    if (line === undefined || message.column < 1 || message.column > line.length + 1) return `outside the text: ${describe(message)}`
    if (message.endLine < message.line || (message.endLine === message.line && message.endColumn < message.column)) return `ends before it starts: ${describe(message)}`
    if (message.fix && !(message.fix.range[0] >= 0 && message.fix.range[0] <= message.fix.range[1] && message.fix.range[1] <= text.length)) {
      return `a fix outside the text: ${describe(message)}`
    }
  }
  // A fix changes only the ranges it names (applyFixes), and a second run finds nothing more to fix.
  const fixed = applyFixes(text, messages).text
  if (fixed !== text) {
    const again = await lint(fixed, {config: false, preset})
    const refixed = applyFixes(fixed, again.messages).text
    if (refixed !== fixed) return `--fix is not idempotent: ${JSON.stringify(fixed)} → ${JSON.stringify(refixed)}`
  }
  // CRLF and lone CR line endings give the messages LF gives.
  const lf = body.replace(/\r\n?/g, '\n')
  const reference = placesOf((await lint(lf, {config: false, preset})).messages)
  for (const ending of ['\r\n', '\r']) {
    const other = placesOf((await lint(lf.replace(/\n/g, ending), {config: false, preset})).messages)
    if (other !== reference) return `${JSON.stringify(ending)} line endings give other messages than LF:\n${reference}\n---\n${other}`
  }
  return undefined
}

function placesOf(messages: LintMessage[]): string {
  return messages.map(describe).join('\n')
}

function describe(message: LintMessage): string {
  return `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`
}

/** Random bytes: read as a file is, then linted if they are text. */
export async function bytesProblem(bytes: Uint8Array, preset: string): Promise<string | undefined> {
  const document = decodeDocument(bytes)
  if (document.problem !== undefined) return undefined
  const {messages} = await lint(document.text, {config: false, preset})
  const fatal = messages.find((message) => message.fatal)
  return fatal ? `not checked: ${fatal.message}` : undefined
}
