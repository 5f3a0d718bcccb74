/**
 * The families a file can be linted as: the built-in presets, and the
 * presets its config defines from preset files (`presets: {ours: …}`).
 */
import {presets} from '../../presets/index.js'
import type {PresetSchema} from '../core/family.js'
import type {LoadedConfig} from './config/load.js'

/** Every family for files under `loaded`: the config's own first, then the built-ins. */
export function familiesFor(loaded: Pick<LoadedConfig, 'presets'> | null | undefined): readonly PresetSchema[] {
  return loaded?.presets?.length ? [...loaded.presets, ...presets] : presets
}

export function findFamily(name: string, loaded: LoadedConfig | null | undefined): PresetSchema | undefined {
  return familiesFor(loaded).find((family) => family.name === name)
}

/** What `preset` may say: a preset, or a preset and a variant of its structure (`spec-kit/tasks`). */
export function presetChoices(families: readonly PresetSchema[]): string[] {
  return families.flatMap((family) => [family.name, ...(family.structure?.variants ?? []).map((variant) => `${family.name}/${variant.name}`)])
}
