/** `--format json`: the documented contract, one object per file, no trees. */
import type {LintResult} from '../../core/types.js'

export function report(results: ReadonlyArray<LintResult>): string {
  const plain = results.map(({file, preset, messages, fixed}) => ({
    file,
    preset,
    ...(fixed ? {fixed} : {}),
    messages: messages.map(({ruleId, messageId, severity, line, column, endLine, endColumn, message, fatal}) => ({
      ruleId,
      ...(messageId ? {messageId} : {}),
      severity,
      line,
      column,
      endLine,
      endColumn,
      message,
      ...(fatal ? {fatal} : {})
    }))
  }))
  return JSON.stringify(plain, null, 2) + '\n'
}
