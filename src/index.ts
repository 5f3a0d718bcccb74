/** planlint's programmatic API: the engine's entry points and the front ends' formats, as data. */
import type {LintResult} from './core/types.js'
import {ruleMetadata} from './engine/registry.js'
import {format as formatWith, formatNames, type ReportOptions} from './front/reporters/index.js'

export {lint, lintFiles, settingsFor, explainDetection} from './engine/run.js'
export type {LintFilesOutput, LintOptions, LintOutput} from './engine/run.js'
export type {LintMessage, LintResult, ResolvedRule, RuleOptions, RuleSetting, Settings, Severity} from './core/types.js'
export type {PresetSchema, TaskConventions, PlaceholderStyle} from './core/family.js'
export {PlanlintError, OptionsError} from './core/errors.js'
export {ConfigError} from './engine/config/load.js'
export {presets, presetNames} from '../presets/index.js'
export {rules, ruleIds} from '../rules/index.js'
export {ruleMetadata, presetList} from './engine/registry.js'
export {formatNames}
export {version} from './core/meta.js'

/** Results as text in one of `formatNames`; the rules' metadata (SARIF's rule list) is filled in. */
export function format(name: string, results: ReadonlyArray<LintResult>, options: Partial<ReportOptions> = {}): Promise<string> {
  return formatWith(name, results, {color: false, rules: ruleMetadata(), ...options})
}
