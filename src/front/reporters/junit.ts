/**
 * `--format junit`: a JUnit XML test report, for GitLab (`artifacts:reports:
 * junit`), Jenkins and other CI dashboards. One <testsuite> per file. A file
 * with no messages is one passing test case, so dashboards list it as
 * checked; otherwise each message is a test case: an error is a <failure>, a
 * file that could not be read an <error>, and a warning a passing case whose
 * <system-out> says what it found (JUnit has no warnings, and a warning does
 * not fail the run).
 */
import type {LintMessage, LintResult} from '../../core/types.js'

// XML 1.0 cannot hold most control characters even escaped; a message
// quoting a document's text could contain one.
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

function escapeXml(text: string): string {
  return text
    .replace(notXmlChar, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
}

function place(message: LintMessage): string {
  return `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`
}

function testCase(file: string, message: LintMessage): string {
  const rule = message.ruleId ?? 'planlint'
  const head = `    <testcase${attributes({classname: file, name: `${rule} at ${message.line}:${message.column}`, file, time: 0})}>`
  const detail = escapeXml(`${file}:${place(message)} ${message.severity} ${message.message} (${rule})`)
  const kind = message.fatal ? 'error' : message.severity === 'error' ? 'failure' : undefined
  const body = kind
    ? `      <${kind}${attributes({message: message.message, type: rule})}>${detail}</${kind}>`
    : `      <system-out>${detail}</system-out>`
  return `${head}\n${body}\n    </testcase>`
}

function testSuite(result: LintResult): {xml: string; tests: number; failures: number; errors: number} {
  const errors = result.messages.filter((m) => m.fatal).length
  const failures = result.messages.filter((m) => !m.fatal && m.severity === 'error').length
  const cases =
    result.messages.length === 0
      ? [`    <testcase${attributes({classname: result.file, name: 'planlint', file: result.file, time: 0})}/>`]
      : result.messages.map((message) => testCase(result.file, message))
  const head = `  <testsuite${attributes({name: result.file, tests: cases.length, failures, errors, skipped: 0, time: 0})}>`
  return {xml: [head, ...cases, '  </testsuite>'].join('\n'), tests: cases.length, failures, errors}
}

export function report(results: ReadonlyArray<LintResult>): string {
  const suites = results.map(testSuite)
  const total = (key: 'tests' | 'failures' | 'errors'): number => suites.reduce((n, suite) => n + suite[key], 0)
  const head = `<testsuites${attributes({name: 'planlint', tests: total('tests'), failures: total('failures'), errors: total('errors'), time: 0})}>`
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map((suite) => suite.xml), '</testsuites>', ''].join('\n')
}
