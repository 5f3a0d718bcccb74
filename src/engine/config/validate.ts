/**
 * Validate a parsed config against the JSON Schema and turn the first problem
 * into one sentence naming the key and what is allowed.
 */
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {presetChoices} from '../../../presets/index.js'
import {getRule, ruleIds} from '../../../rules/index.js'
import {configSchema} from './schema.js'

// verbose: errors carry the offending value, which the messages quote.
// validateSchema: our schemas are ours and tested; checking them against the
// meta-schema would cost every run that has a config ~60 ms.
const ajv = new Ajv({allErrors: false, strict: false, verbose: true, validateSchema: false})
ajv.addFormat('regex', (value: string) => {
  try {
    new RegExp(value)
    return true
  } catch {
    return false
  }
})

let validateConfig: ValidateFunction | undefined
const optionValidators = new Map<string, ValidateFunction>()

const severities = ['off', 'warn', 'error']

function list(values: ReadonlyArray<string>): string {
  return values.join(', ')
}

/** `/rules/no-placeholders/1/allow` → `rules.no-placeholders[1].allow` */
function keyPath(segments: ReadonlyArray<string>): string {
  return segments
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('')
}

function splitPointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function describe(error: ErrorObject, segments: string[]): string {
  const where = segments.length > 0 ? keyPath(segments) : 'the config'
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty'])
      const last = segments[segments.length - 1]
      if (last === 'rules') return `${where}: unknown rule "${key}" (known rules: ${list(ruleIds)})`
      return `${where}: unknown key "${key}"`
    }
    case 'enum': {
      if (segments[segments.length - 1] === 'preset') {
        return `${where}: unknown preset ${JSON.stringify(error.data)} (known presets: ${list(presetChoices)})`
      }
      return `${where}: ${JSON.stringify(error.data)} is not allowed (expected one of ${list((params['allowedValues'] as string[]) ?? [])})`
    }
    case 'format':
      return `${where}: ${JSON.stringify(error.data)} is not a valid ${String(params['format'])}`
    default:
      return `${where}: ${error.message ?? 'is invalid'}`
  }
}

/** A rule setting gets its own check, so the message is about severity or one option. */
function checkRuleSetting(ruleId: string, value: unknown, at: string[]): string | undefined {
  const isSeverity = (item: unknown) => typeof item === 'string' && severities.includes(item)
  if (isSeverity(value)) return undefined
  if (!Array.isArray(value) || value.length === 0 || value.length > 2) {
    return `${keyPath(at)}: expected a severity (${list(severities)}) or [severity, options]`
  }
  if (!isSeverity(value[0])) {
    return `${keyPath([...at, '0'])}: ${JSON.stringify(value[0])} is not a severity (expected ${list(severities)})`
  }
  if (value.length === 1) return undefined
  const rule = getRule(ruleId)
  if (!rule) return undefined
  let validate = optionValidators.get(ruleId)
  if (!validate) {
    validate = ajv.compile(rule.optionsSchema)
    optionValidators.set(ruleId, validate)
  }
  if (validate(value[1])) {
    const problem = rule.checkOptions?.(value[1] as Record<string, unknown>)
    return problem === undefined ? undefined : `${keyPath([...at, '1'])}: ${problem}`
  }
  const error = validate.errors![0]!
  return describe(error, [...at, '1', ...splitPointer(error.instancePath)])
}

/** After the schema passed: the rules' own option checks, top level and overrides. */
function checkAllRuleOptions(config: Record<string, unknown>): string | undefined {
  const places: Array<[string[], unknown]> = [[['rules'], config['rules']]]
  const overrides = (config['overrides'] ?? []) as Array<Record<string, unknown>>
  overrides.forEach((override, index) => places.push([['overrides', String(index), 'rules'], override['rules']]))
  for (const [at, rules] of places) {
    for (const [ruleId, setting] of Object.entries((rules ?? {}) as Record<string, unknown>)) {
      const problem = checkRuleSetting(ruleId, setting, [...at, ruleId])
      if (problem) return problem
    }
  }
  return undefined
}

/** Returns the problem as one sentence, or undefined when the config is valid. */
export function validate(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return 'the config must be an object (a mapping of keys to values)'
  }
  // Rule settings are checked one by one below: compiling every rule's
  // options schema (the structures are large) would cost every run ~300 ms.
  validateConfig ??= ajv.compile(configSchema({withRuleOptions: false}))
  if (validateConfig(config)) return checkAllRuleOptions(config as Record<string, unknown>)
  const error = validateConfig.errors![0]!
  const segments = splitPointer(error.instancePath)

  // Inside `rules.<id>`: the schema's anyOf errors are noisy; explain directly.
  const rulesAt = segments.lastIndexOf('rules')
  if (rulesAt !== -1 && segments.length > rulesAt + 1) {
    const at = segments.slice(0, rulesAt + 2)
    let value: unknown = config
    for (const segment of at) value = (value as Record<string, unknown>)[segment]
    const problem = checkRuleSetting(at[at.length - 1]!, value, at)
    if (problem) return problem
  }
  return describe(error, segments)
}
