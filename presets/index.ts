/**
 * Every built-in preset, by name. A family is data: adding one means one
 * file here (its `PresetSchema`), one line below, and its templates in
 * presets/templates/. Nothing under rules/ or src/ changes.
 */
import type {PresetSchema} from '../src/core/family.js'
import {preset as aiFirstSdlc} from './ai-first-sdlc.js'
import {preset as cdd} from './cdd.js'
import {preset as promptydumpty} from './promptydumpty.js'
import {preset as recommended} from './recommended.js'
import {preset as specKit} from './spec-kit.js'
import {preset as specMaestro} from './spec-maestro.js'

export const presets: ReadonlyArray<PresetSchema> = [
  recommended,
  cdd,
  specKit,
  promptydumpty,
  aiFirstSdlc,
  specMaestro
]

export const presetNames: ReadonlyArray<string> = presets.map((preset) => preset.name)

export function getPreset(name: string): PresetSchema | undefined {
  return presets.find((preset) => preset.name === name)
}
