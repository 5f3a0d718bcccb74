/** planlint's programmatic API. */
export {lint, lintFiles, settingsFor} from './engine/run.js'
export type {LintFilesOutput, LintOptions, LintOutput} from './engine/run.js'
export type {LintMessage, LintResult, ResolvedRule, RuleOptions, RuleSetting, Settings, Severity} from './core/types.js'
export {ConfigError} from './engine/config/load.js'
export {presets, presetNames} from '../presets/index.js'
export {rules, ruleIds} from '../rules/index.js'
export {format, formatNames} from './front/reporters/index.js'
export {version} from './core/meta.js'
