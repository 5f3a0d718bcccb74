/** planlint's programmatic API. */
export {lint, lintFiles, settingsFor} from './run.js'
export type {LintFilesOutput, LintOptions, LintOutput} from './run.js'
export type {LintMessage, LintResult, ResolvedRule, RuleOptions, RuleSetting, Settings, Severity} from './types.js'
export {ConfigError} from './config/load.js'
export {presets, presetNames} from '../presets/index.js'
export {rules, ruleIds} from '../rules/index.js'
export {format, formatNames} from './reporters/index.js'
export {version} from './meta.js'
