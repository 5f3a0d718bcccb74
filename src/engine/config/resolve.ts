/**
 * Per-file settings: preset (forced > override > config > default), then the
 * preset's rules, config rules, matching overrides and API/CLI rules, in that
 * order. A severity alone keeps the options set before it; options are merged
 * key by key over them, so `allow` can be set without losing a preset's
 * family-specific options.
 */
import {relative, sep} from 'node:path'
import picomatch from 'picomatch'
import {PlanlintError} from '../../core/errors.js'
import type {PresetSchema} from '../../core/family.js'
import {list} from '../../core/options.js'
import type {RuleSetting, Settings} from '../../core/types.js'
import {familiesFor, findFamily, presetChoices} from '../families.js'
import {normaliseSetting, presetSettings} from '../plugins.js'
import type {LoadedConfig} from './load.js'

export const defaultPreset = 'recommended'

export interface ResolveOptions {
  /** Force this preset (CLI `--preset`). */
  preset?: string
  /** Rule settings applied last (API). */
  rules?: Record<string, RuleSetting>
}

const matchers = new Map<string, (path: string) => boolean>()

function matches(globs: ReadonlyArray<string>, path: string): boolean {
  const key = globs.join('\0')
  let matcher = matchers.get(key)
  if (!matcher) {
    matcher = picomatch([...globs], {dot: true})
    matchers.set(key, matcher)
  }
  return matcher(path)
}

/** The file's path relative to the config's folder, with `/` separators. */
function relativeTo(loaded: LoadedConfig, file: string): string {
  return relative(loaded.dir, file).split(sep).join('/')
}

export function isIgnoredByConfig(loaded: LoadedConfig | null, file: string): boolean {
  const globs = loaded?.config.ignore
  return Boolean(globs && globs.length > 0 && matches(globs, relativeTo(loaded, file)))
}

function applyRules(settings: Settings, rules: Record<string, RuleSetting> | undefined): void {
  if (!rules) return
  for (const [id, setting] of Object.entries(rules)) {
    const current = settings.rules[id]
    if (!current) continue
    const {severity, options} = normaliseSetting(setting)
    settings.rules[id] = {severity, options: options ? {...current.options, ...options} : current.options}
  }
}

/** `spec-kit/tasks` → the preset and the variant of its structure. */
function splitPresetName(name: string): {preset: string; variant?: string} {
  const [preset, variant] = name.split('/')
  return {preset: preset!, variant}
}

/** A file's settings and the family its rules read it as. */
export interface Resolved {
  settings: Settings
  family: PresetSchema
}

/**
 * `detect` is asked only when neither the caller, an override nor the config
 * names a preset (it needs the parsed document).
 */
export function resolveSettings(
  file: string | undefined,
  loaded: LoadedConfig | null,
  options: ResolveOptions = {},
  detect?: () => string
): Resolved {
  const config = loaded?.config ?? {}
  const overrides =
    file && loaded ? (config.overrides ?? []).filter((override) => matches(override.files, relativeTo(loaded, file))) : []

  let named = options.preset
  for (const override of [...overrides].reverse()) named ??= override.preset
  named ??= config.preset
  named ??= detect?.() ?? defaultPreset
  const {preset: presetName, variant} = splitPresetName(named)

  const family = findFamily(presetName, loaded)
  const choices = presetChoices(familiesFor(loaded))
  if (!family || (variant !== undefined && !choices.includes(`${presetName}/${variant}`))) {
    throw new PlanlintError(`unknown preset "${named}" (known presets: ${list(choices)})`)
  }
  // `spec-kit/tasks`: the structure rules use that variant, not the best match.
  const settings = presetSettings(family, variant)
  applyRules(settings, config.rules)
  for (const override of overrides) applyRules(settings, override.rules)
  applyRules(settings, options.rules)
  return {settings, family}
}
