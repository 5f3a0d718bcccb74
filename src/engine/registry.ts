/**
 * What the front ends may know of rules and presets, as plain data: the CLI's
 * help and `--list-presets`, and the reporters' rule metadata (SARIF's rule
 * list), without importing the rules themselves.
 */
import {presets} from '../../presets/index.js'
import {rules} from '../../rules/index.js'
import {docsUrl} from '../core/meta.js'

export interface RuleMetadata {
  id: string
  description: string
  /** The severity a preset gives the rule when it says none. */
  severity: 'warn' | 'error'
  fixable: boolean
  url: string
}

export function ruleMetadata(): RuleMetadata[] {
  return rules.map((rule) => ({id: rule.id, description: rule.description, severity: rule.severity, fixable: rule.fixable, url: docsUrl(rule.id)}))
}

export function presetList(): Array<{name: string; description: string}> {
  return presets.map((preset) => ({name: preset.name, description: preset.description}))
}
