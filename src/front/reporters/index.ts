/**
 * Reporters turn results into text. Each is a pure function in its own
 * module, loaded only when asked for, so a run pays for one reporter.
 */
import type {LintResult} from '../../core/types.js'
import type {RuleMetadata} from '../../engine/registry.js'
import {PlanlintError} from '../../core/errors.js'

export interface ReportOptions {
  /** ANSI colours (stylish only). */
  color: boolean
  /** The rules that may have reported, as data (SARIF lists them). */
  rules?: ReadonlyArray<RuleMetadata>
}

export type Reporter = (results: ReadonlyArray<LintResult>, options: ReportOptions) => string

const loaders: Record<string, () => Promise<{report: Reporter}>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  github: () => import('./github.js'),
  sarif: () => import('./sarif.js'),
  junit: () => import('./junit.js')
}

export const formatNames: ReadonlyArray<string> = Object.keys(loaders)

export async function format(
  name: string,
  results: ReadonlyArray<LintResult>,
  options: ReportOptions = {color: false}
): Promise<string> {
  const load = loaders[name]
  if (!load) throw new PlanlintError(`unknown format "${name}" (expected one of ${formatNames.join(', ')})`)
  const {report} = await load()
  return report(results, options)
}
