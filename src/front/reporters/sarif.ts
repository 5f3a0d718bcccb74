/** `--format sarif`: one SARIF 2.1.0 log, for code-scanning dashboards. */
import {pathToFileURL} from 'node:url'
import {homepage, version} from '../../core/meta.js'
import type {LintResult} from '../../core/types.js'
import type {ReportOptions} from './index.js'

// Relative paths stay relative (GitHub resolves them against the checkout);
// only the characters a URI cannot hold are escaped.
function artifactUri(file: string): string {
  if (/^(?:\/|[A-Za-z]:\\)/.test(file)) return pathToFileURL(file).href
  return file.split(/[\\/]/).map(encodeURIComponent).join('/')
}

export function report(results: ReadonlyArray<LintResult>, options: ReportOptions): string {
  const rules = options.rules ?? []
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const sarifResults = results.flatMap((result) =>
    result.messages.map((message) => ({
      ruleId: message.ruleId ?? 'planlint',
      ...(message.ruleId && ruleIndex.has(message.ruleId) ? {ruleIndex: ruleIndex.get(message.ruleId)} : {}),
      level: message.severity === 'error' ? 'error' : 'warning',
      message: {text: message.message},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: artifactUri(result.file)},
            region: {
              startLine: message.line,
              startColumn: message.column,
              endLine: message.endLine,
              endColumn: message.endColumn
            }
          }
        }
      ]
    }))
  )

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planlint',
            version,
            informationUri: homepage,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: {text: rule.description},
              helpUri: rule.url,
              defaultConfiguration: {level: rule.severity === 'error' ? 'error' : 'warning'}
            }))
          }
        },
        results: sarifResults
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}
