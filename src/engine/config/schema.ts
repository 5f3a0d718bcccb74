/**
 * The JSON Schema of a planlint config, built from the rules' own option
 * schemas and the preset list, so it can never disagree with the code. The
 * same object validates configs at run time and is written to
 * schema/planlintrc.schema.json for editors.
 */
import {presetChoices} from '../families.js'
import {presets} from '../../../presets/index.js'
import {rules} from '../../../rules/index.js'
import type {JsonSchema} from '../../core/rule.js'

const severity = {enum: ['off', 'warn', 'error']}

function ruleSettingSchema(optionsSchema: JsonSchema): JsonSchema {
  return {
    anyOf: [
      severity,
      {type: 'array', items: [severity], minItems: 1, maxItems: 1},
      {type: 'array', items: [severity, optionsSchema], minItems: 2, maxItems: 2}
    ]
  }
}

/**
 * `withRuleOptions: false` leaves each rule's setting unchecked (any value):
 * the run-time validator checks the settings a config actually has, one rule
 * at a time, instead of compiling every rule's options up front.
 */
export function configSchema({withRuleOptions = true} = {}): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {}
  for (const rule of rules) {
    ruleProperties[rule.id] = withRuleOptions ? {description: rule.description, ...ruleSettingSchema(rule.optionsSchema)} : {}
  }
  const rulesSchema = {
    type: 'object',
    description: 'Rule settings: a severity, or [severity, options].',
    properties: ruleProperties,
    additionalProperties: false
  }
  const preset = {
    type: 'string',
    // A config may name presets of its own (`presets`): the built-in names are examples.
    examples: presetChoices(presets),
    description: 'The preset for these files, or a preset and one of its variants (`spec-kit/tasks`); default: detected.'
  }
  const globs = {type: 'array', items: {type: 'string', minLength: 1}}

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/planlint/planlint/blob/main/schema/planlintrc.schema.json',
    title: 'planlint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {type: 'string'},
      preset,
      rules: rulesSchema,
      files: {...globs, description: 'Globs of the plan documents linted when no path is given.'},
      ignore: {...globs, description: 'Globs of files never linted, relative to this config file.'},
      presets: {
        type: 'object',
        additionalProperties: {type: 'string', minLength: 1},
        description: 'Presets of your own, by name: the path of a preset file (YAML or JSON, the shape of a built-in preset), relative to this config.'
      },
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {files: {...globs, minItems: 1}, preset, rules: rulesSchema}
        }
      }
    }
  }
}
