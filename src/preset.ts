/**
 * Presets are data (`PresetDefinition`); this module turns a preset or a
 * resolved `Settings` into the unified plugin list that `lint()`, the remark
 * CLI and `planlint/presets/<name>` all use.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMessageControl from 'remark-message-control'
import type {PluggableList, Preset} from 'unified'
import {getRule, rules} from '../rules/index.js'
import type {ResolvedRule, RuleSetting, Settings, Severity} from './types.js'

export interface PresetDefinition {
  name: string
  /** One line: which documents the preset is for. */
  description: string
  /** Rule settings; rules not listed are off. */
  rules: Record<string, RuleSetting>
}

/** `error`, `[error]` and `[error, {…}]` all become `{severity, options}`. */
export function normaliseSetting(setting: RuleSetting): {severity: Severity; options?: Record<string, unknown>} {
  if (typeof setting === 'string') return {severity: setting}
  return {severity: setting[0], options: setting[1]}
}

/** The settings a preset gives before any config is applied. */
export function presetSettings(preset: PresetDefinition): Settings {
  const resolved: Record<string, ResolvedRule> = {}
  for (const rule of rules) {
    const setting = preset.rules[rule.id]
    const {severity, options} = setting ? normaliseSetting(setting) : {severity: 'off' as const}
    resolved[rule.id] = {severity, options: options ?? {}}
  }
  return {preset: preset.name, rules: resolved}
}

/**
 * The unified plugins for these settings: GFM and front matter parsing, the
 * enabled rules, then message control last, so that `<!-- planlint disable -->`
 * and `<!-- lint disable -->` comments filter the rules' messages.
 */
export function pluginsFor(settings: Settings): PluggableList {
  const plugins: PluggableList = [remarkGfm, [remarkFrontmatter, ['yaml', 'toml']]]
  for (const [id, {severity, options}] of Object.entries(settings.rules)) {
    const rule = getRule(id)
    if (rule && severity !== 'off') plugins.push([rule.plugin, [severity, options]])
  }
  plugins.push(planlintMessageControl, lintMessageControl)
  return plugins
}

// Two named attachers rather than remark-message-control used twice: unified
// keeps one entry per plugin function, so the second use would replace the first.
function planlintMessageControl() {
  return remarkMessageControl({name: 'planlint', source: 'planlint'})
}

/** remark-lint's spelling; remark-lint's own control only filters its own source. */
function lintMessageControl() {
  return remarkMessageControl({name: 'lint', source: 'planlint'})
}

/** A unified preset, the default export of `planlint/presets/<name>`. */
export function remarkPreset(preset: PresetDefinition): Preset {
  return {plugins: pluginsFor(presetSettings(preset))}
}
