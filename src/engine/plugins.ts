/**
 * Settings → the unified plugin list that `lint()`, the remark CLI and
 * `planlint/presets/<name>` all use: the syntax, the family the rules read
 * the document as, the enabled rules, then message control.
 */
import type {Root} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import type {Node} from 'unist'
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import type {PluggableList, Preset} from 'unified'
import {getPreset} from '../../presets/index.js'
import {getRule, rules} from '../../rules/index.js'
import {PlanlintError} from '../core/errors.js'
import type {PresetSchema} from '../core/family.js'
import {planlintFamily} from '../core/plan/index.js'
import {syntaxPlugins} from '../core/syntax.js'
import {nodesOf} from '../core/walk.js'
import type {ResolvedRule, RuleSetting, Settings, Severity} from '../core/types.js'

/** `error`, `[error]` and `[error, {…}]` all become `{severity, options}`. */
export function normaliseSetting(setting: RuleSetting): {severity: Severity; options?: Record<string, unknown>} {
  if (typeof setting === 'string') return {severity: setting}
  return {severity: setting[0], options: setting[1]}
}

/** The settings a preset gives before any config is applied. */
export function presetSettings(preset: PresetSchema, variant?: string): Settings {
  const resolved: Record<string, ResolvedRule> = {}
  for (const rule of rules) {
    const setting = preset.rules[rule.id]
    const {severity, options} = setting ? normaliseSetting(setting) : {severity: 'off' as const}
    resolved[rule.id] = {severity, options: options ?? {}}
  }
  return {preset: preset.name, ...(variant ? {variant} : {}), rules: resolved}
}

/**
 * The unified plugins for a family and its settings: GFM and front matter
 * parsing, the family, the enabled rules, then message control last, so that
 * `<!-- planlint disable -->` and `<!-- lint disable -->` comments filter the
 * rules' messages.
 */
export function pluginsFor(family: PresetSchema, settings: Settings): PluggableList {
  const plugins: PluggableList = [...syntaxPlugins, [planlintFamily, {family, variant: settings.variant}]]
  for (const [id, {severity, options}] of Object.entries(settings.rules)) {
    const rule = getRule(id)
    if (rule && severity !== 'off') plugins.push([rule.plugin, [severity, options]])
  }
  plugins.push(planlintMessageControl)
  return plugins
}

/**
 * `<!-- planlint … -->` and remark-lint's `<!-- lint … -->` comments as one
 * control, so `lint disable` followed by `planlint enable` re-enables. (remark-lint's
 * own control only filters messages from the source `remark-lint`.)
 */
function planlintMarker(node: Node) {
  const marker = commentMarker(node as Parameters<typeof commentMarker>[0])
  return marker?.name === 'lint' ? {...marker, name: 'planlint'} : marker
}

function planlintMessageControl() {
  return (tree: Root, file: VFile) => {
    // Most plans have no control comment: skip message control's own two
    // walks over the tree (3% of linting the benchmark corpus).
    if (!nodesOf(tree).some(({node}) => node.type === 'html' && planlintMarker(node))) return
    messageControl(tree, {
      file,
      name: 'planlint',
      source: 'planlint',
      marker: planlintMarker,
      test: 'html'
    })
  }
}

/** A unified preset, the default export of `planlint/presets/<name>` (see scripts/bundle.ts). */
export function remarkPreset(name: string): Preset {
  const preset = getPreset(name)
  if (!preset) throw new PlanlintError(`unknown preset "${name}"`)
  return {plugins: pluginsFor(preset, presetSettings(preset))}
}
