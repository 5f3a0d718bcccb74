/**
 * A preset file: a team's own family as data, the same `PresetSchema` the
 * built-in presets are, in YAML or JSON. A config names it
 * (`presets: {ours: ./presets/ours.yaml}`); it may start from a built-in
 * preset (`extends: spec-kit`) and names its templates by path, relative to
 * itself. Everything in it is checked before anything is linted.
 */
import {readFileSync} from 'node:fs'
import {dirname, isAbsolute, resolve} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {getPreset, presetNames} from '../../../presets/index.js'
import {PlanlintError} from '../../core/errors.js'
import {type PresetSchema, presetSchemaSchema} from '../../core/family.js'
import {list, schemaProblem} from '../../core/options.js'
import {structureSchema} from '../../core/plan/structure.js'
import {isTemplatePath} from '../../core/template-index.js'
import {ruleSettingsProblem} from './validate.js'

const fileSchema = {...presetSchemaSchema, properties: {...presetSchemaSchema.properties, structure: structureSchema}}

function parse(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new PlanlintError(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {cause: error})
  }
  try {
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new PlanlintError(`${path}: cannot parse: ${(error as Error).message.split('\n')[0]}`, {cause: error})
  }
}

/** Read, check and complete the preset file at `path`, as the preset `name`. */
export function loadPresetFile(name: string, path: string): PresetSchema {
  const data = parse(path)
  const problem = schemaProblem(fileSchema, data, [])
  if (problem) throw new PlanlintError(`${path}: ${problem.replace(/^the options/, 'the preset')}`)
  const file = data as PresetSchema & {extends?: string}
  const base = file.extends === undefined ? undefined : getPreset(file.extends)
  if (file.extends !== undefined && !base) {
    throw new PlanlintError(`${path}: extends: unknown preset "${file.extends}" (known presets: ${list(presetNames)})`)
  }
  if (presetNames.includes(name)) throw new PlanlintError(`${path}: "${name}" is a built-in preset: give yours another name`)
  const rulesProblem = ruleSettingsProblem(file.rules, ['rules'])
  if (rulesProblem) throw new PlanlintError(`${path}: ${rulesProblem}`)

  const here = dirname(path)
  const templates = (file.templates ?? base?.templates ?? []).map((template) =>
    isTemplatePath(template) && !isAbsolute(template) ? resolve(here, template) : template
  )
  const {extends: _extends, ...own} = file
  return {
    ...base,
    ...own,
    name,
    description: file.description ?? `${name} (${path})`,
    templates,
    rules: {...base?.rules, ...file.rules}
  }
}
