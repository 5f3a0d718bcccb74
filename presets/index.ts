/** Every preset, by name. Adding a family means adding one file and one line here. */
import type {PresetDefinition} from '../src/preset.js'
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
