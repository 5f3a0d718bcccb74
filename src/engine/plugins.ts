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
import {OverBudget} from '../core/budget.js'
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
    if (rule && severity !== 'off') plugins.push([rule.plugin, [severity, options]], deadlineCheck)
  }
  plugins.push(planlintMessageControl)
  return plugins
}

/**
 * Between rules: a file past its time budget (`file.data.deadline`, set by
 * `lintText`; remark runs set none) stops here, not after every rule.
 */
function deadlineCheck() {
  return (_tree: Root, file: VFile) => {
    const deadline = file.data['deadline'] as {at: number; seconds: number} | undefined
    if (deadline && performance.now() > deadline.at) {
      throw new OverBudget(`Not checked: took longer than ${deadline.seconds} s (the time limit; see --time-limit)`)
    }
  }
}

/**
 * `<!-- planlint … -->` and remark-lint's `<!-- lint … -->` comments as one
 * control, so `lint disable` followed by `planlint enable` re-enables. (remark-lint's
 * own control only filters messages from the source `remark-lint`.)
 */
function planlintMarker(node: Node) {
  // A comment left open (`<!-- x` to the end of the file) is no marker, and
  // commentMarker's pattern backtracks over all of it: 12 s for 128 KB.
  const value = (node as {value?: string}).value
  if (typeof value !== 'string' || !value.trimEnd().endsWith('-->')) return undefined
  const marker = commentMarker(node as Parameters<typeof commentMarker>[0])
  return marker?.name === 'lint' ? {...marker, name: 'planlint'} : marker
}

const keywords = new Set(['enable', 'disable', 'ignore'])

/** The keyword a control comment starts with (`disable` in `<!-- planlint disable task-id -->`). */
function keywordOf(marker: NonNullable<ReturnType<typeof planlintMarker>>): string {
  return marker.attributes.trim().split(/\s+/)[0] ?? ''
}

function planlintMessageControl() {
  return (tree: Root, file: VFile) => {
    // Most plans have no control comment: skip message control's own two
    // walks over the tree (3% of linting the benchmark corpus).
    const controls = nodesOf(tree).filter(({node}) => node.type === 'html' && planlintMarker(node)?.name === 'planlint')
    if (controls.length === 0) return
    // A comment with an unknown keyword is reported where it stands and
    // ignored; unified-message-control would fail the whole file on it.
    const unknown = new Set<Node>()
    for (const {node} of controls) {
      const keyword = keywordOf(planlintMarker(node)!)
      if (keywords.has(keyword)) continue
      unknown.add(node)
      // An error: what the comment was to do is not done.
      file.message(`Unknown keyword \`${keyword}\` in a planlint comment: expected \`enable\`, \`disable\` or \`ignore\`; the comment is ignored`, {
        place: node.position,
        ruleId: 'control-comment',
        source: 'planlint'
      }).fatal = true
    }
    messageControl(tree, {
      file,
      name: 'planlint',
      source: 'planlint',
      marker: (node) => (unknown.has(node) ? null : planlintMarker(node)),
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
