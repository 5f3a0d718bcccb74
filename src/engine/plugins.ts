/**
 * Presets are data (`PresetDefinition`); this module turns a preset or a
 * resolved `Settings` into the unified plugin list that `lint()`, the remark
 * CLI and `planlint/presets/<name>` all use.
 */
import type {Root} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import type {Node} from 'unist'
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import type {PluggableList, Preset} from 'unified'
import {getRule, rules} from '../../rules/index.js'
import type {StructureSpec} from '../core/plan/structure.js'
import {demoteWarnings} from '../core/rule.js'
import {syntaxPlugins} from '../core/syntax.js'
import {nodesOf} from '../core/walk.js'
import type {ResolvedRule, RuleSetting, Settings, Severity} from '../core/types.js'

export interface PresetDefinition {
  name: string
  /** One line: which documents the preset is for. */
  description: string
  /** The family's document structure: read by the structure rules and by detection. */
  structure?: StructureSpec
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
  const plugins: PluggableList = [...syntaxPlugins]
  for (const [id, {severity, options}] of Object.entries(settings.rules)) {
    const rule = getRule(id)
    if (rule && severity !== 'off') plugins.push([rule.plugin, [severity, options]])
  }
  plugins.push(demoteWarnings, planlintMessageControl)
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

/** A unified preset, the default export of `planlint/presets/<name>`. */
export function remarkPreset(preset: PresetDefinition): Preset {
  return {plugins: pluginsFor(presetSettings(preset))}
}
