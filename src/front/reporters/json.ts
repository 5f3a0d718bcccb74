/** `--format json`: the documented contract, one object per file, no trees. */
import type {LintResult} from '../../core/types.js'

export function report(results: ReadonlyArray<LintResult>): string {
  const plain = results.map(({file, preset, messages, fixed, output}) => ({
    file,
    preset,
    ...(fixed ? {fixed} : {}),
    ...(output !== undefined ? {output} : {}),
    messages: messages.map(({ruleId, messageId, severity, line, column, endLine, endColumn, message, fatal, fix, documents}) => ({
      ruleId,
      ...(messageId ? {messageId} : {}),
      severity,
      line,
      column,
      endLine,
      endColumn,
      message,
      ...(fatal ? {fatal} : {}),
      // As ESLint gives it: replace the text between these offsets of the file (after a BOM) with `text`.
      ...(fix ? {fix} : {}),
      // The other documents of the file's feature folder the finding relied on (`spec.md`).
      ...(documents ? {documents} : {})
    }))
  }))
  return JSON.stringify(plain, null, 2) + '\n'
}
