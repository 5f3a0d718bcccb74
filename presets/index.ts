/** Every preset, by name. Adding a family means adding one file and one line here. */
import type {PresetDefinition} from '../src/engine/plugins.js'
import {preset as aiFirstSdlc} from './ai-first-sdlc.js'
import {preset as cdd} from './cdd.js'
import {preset as promptydumpty} from './promptydumpty.js'
import {preset as recommended} from './recommended.js'
import {preset as specKit} from './spec-kit.js'
import {preset as specMaestro} from './spec-maestro.js'

export const presets: ReadonlyArray<PresetDefinition> = [
  recommended,
  cdd,
  specKit,
  promptydumpty,
  aiFirstSdlc,
  specMaestro
]

export const presetNames: ReadonlyArray<string> = presets.map((preset) => preset.name)

export function getPreset(name: string): PresetDefinition | undefined {
  return presets.find((preset) => preset.name === name)
}

/** What `preset` may say: a preset, or a preset and a variant of its structure (`spec-kit/tasks`). */
export const presetChoices: ReadonlyArray<string> = presets.flatMap((preset) => [
  preset.name,
  ...(preset.structure?.variants ?? []).map((variant) => `${preset.name}/${variant.name}`)
])
