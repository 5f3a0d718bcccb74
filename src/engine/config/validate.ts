/**
 * Validate a parsed config against the JSON Schema and turn the first problem
 * into one sentence naming the key and what is allowed. Rule settings are
 * checked by each rule's own `optionsProblem`, the check its plugin makes
 * when remark attaches it: one validation step for every entry point.
 */
import type {ErrorObject, ValidateFunction} from 'ajv'
import {getRule, ruleIds} from '../../../rules/index.js'
import type {PresetSchema} from '../../core/family.js'
import {ajv, describeError, keyPath, list, splitPointer} from '../../core/options.js'
import {familiesFor, presetChoices} from '../families.js'
import {configSchema} from './schema.js'

let validateConfig: ValidateFunction | undefined

const severities = ['off', 'warn', 'error']

function describe(error: ErrorObject, segments: string[]): string {
  return describeError(error, segments, (key, at) =>
    at[at.length - 1] === 'rules' ? `${keyPath(at)}: unknown rule "${key}" (known rules: ${list(ruleIds)})` : undefined
  ).replace(/^the options:/, 'the config:')
}

/** A rule setting gets its own check, so the message is about severity or one option. */
export function ruleSettingProblem(ruleId: string, value: unknown, at: string[]): string | undefined {
  const rule = getRule(ruleId)
  if (!rule) return `${keyPath(at.slice(0, -1))}: unknown rule "${ruleId}" (known rules: ${list(ruleIds)})`
  const isSeverity = (item: unknown) => typeof item === 'string' && severities.includes(item)
  if (isSeverity(value)) return undefined
  if (!Array.isArray(value) || value.length === 0 || value.length > 2) {
    return `${keyPath(at)}: expected a severity (${list(severities)}) or [severity, options]`
  }
  if (!isSeverity(value[0])) {
    return `${keyPath([...at, '0'])}: ${JSON.stringify(value[0])} is not a severity (expected ${list(severities)})`
  }
  if (value.length === 1) return undefined
  const problem = rule.optionsProblem(value[1])
  if (problem === undefined) return undefined
  // The schema's problems name their key (`gaps: …`); the rule's own checks say what is wrong.
  return /^[\w.[\]-]+: /.test(problem) ? `${keyPath([...at, '1'])}.${problem}` : `${keyPath([...at, '1'])}: ${problem}`
}

/** The first problem of a `rules` object (a config's, a preset file's, the API's), or undefined. */
export function ruleSettingsProblem(rules: unknown, at: string[]): string | undefined {
  if (rules === undefined) return undefined
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return `${keyPath(at)}: must be an object`
  for (const [ruleId, setting] of Object.entries(rules)) {
    const problem = ruleSettingProblem(ruleId, setting, [...at, ruleId])
    if (problem) return problem
  }
  return undefined
}

/** The problem with a preset name, given the families the config can use. */
export function presetNameProblem(name: unknown, at: string[], families: readonly PresetSchema[]): string | undefined {
  const choices = presetChoices(families)
  if (typeof name !== 'string' || choices.includes(name)) return undefined
  return `${keyPath(at)}: unknown preset ${JSON.stringify(name)} (known presets: ${list(choices)})`
}

/** After the schema passed: preset names and the rules' own option checks, top level and overrides. */
function checkSettings(config: Record<string, unknown>, families: readonly PresetSchema[]): string | undefined {
  const problem = presetNameProblem(config['preset'], ['preset'], families) ?? ruleSettingsProblem(config['rules'], ['rules'])
  if (problem) return problem
  const overrides = (config['overrides'] ?? []) as Array<Record<string, unknown>>
  for (const [index, override] of overrides.entries()) {
    const at = ['overrides', String(index)]
    const found = presetNameProblem(override['preset'], [...at, 'preset'], families) ?? ruleSettingsProblem(override['rules'], [...at, 'rules'])
    if (found) return found
  }
  return undefined
}

/** Returns the problem as one sentence, or undefined when the config is valid. */
export function validate(config: unknown, presets: PresetSchema[] = []): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return 'the config must be an object (a mapping of keys to values)'
  }
  // Rule settings are checked one by one after the schema: compiling every
  // rule's options schema up front would cost every run that has a config.
  validateConfig ??= ajv.compile(configSchema({withRuleOptions: false}))
  if (validateConfig(config)) return checkSettings(config as Record<string, unknown>, familiesFor({presets}))
  const error = validateConfig.errors![0]!
  const segments = splitPointer(error.instancePath)

  // Inside `rules.<id>`: the schema's anyOf errors are noisy; explain directly.
  const rulesAt = segments.lastIndexOf('rules')
  if (rulesAt !== -1 && segments.length > rulesAt + 1) {
    const at = segments.slice(0, rulesAt + 2)
    let value: unknown = config
    for (const segment of at) value = (value as Record<string, unknown>)[segment]
    const problem = ruleSettingProblem(at[at.length - 1]!, value, at)
    if (problem) return problem
  }
  return describe(error, segments)
}
