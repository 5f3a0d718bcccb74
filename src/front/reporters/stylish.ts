/** `--format stylish` (default): vfile-reporter's human-readable report. */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {LintResult} from '../../core/types.js'
import type {ReportOptions} from './index.js'

function toVFile(result: LintResult): VFile {
  const file = new VFile({path: result.file})
  for (const message of result.messages) {
    const place = {
      start: {line: message.line, column: message.column},
      end: {line: message.endLine, column: message.endColumn}
    }
    const vfileMessage = file.message(message.message, {
      place,
      ruleId: message.ruleId ?? undefined,
      source: message.ruleId ? 'planlint' : undefined
    })
    vfileMessage.fatal = message.severity === 'error' ? true : false
  }
  return file
}

export function report(results: ReadonlyArray<LintResult>, options: ReportOptions): string {
  if (results.length === 0) return ''
  const text = reporter(results.map(toVFile), {color: options.color})
  return text ? text + '\n' : ''
}
