/**
 * `--format github`: GitHub Actions workflow commands, one per message, which
 * GitHub shows as annotations on the pull request's diff.
 */
import type {LintResult} from '../../core/types.js'

// Escaping as GitHub's toolkit does (core/command.ts): data and properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function report(results: ReadonlyArray<LintResult>): string {
  const lines: string[] = []
  for (const result of results) {
    for (const message of result.messages) {
      const properties = [
        `file=${escapeProperty(result.file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(message.ruleId ?? 'planlint')}`
      ].join(',')
      const command = message.severity === 'error' ? 'error' : 'warning'
      lines.push(`::${command} ${properties}::${escapeData(message.message)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}
