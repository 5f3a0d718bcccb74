/**
 * How a planlint rule is declared: metadata, documentation, examples and the
 * check, in one object. `defineRule` turns it into a remark-lint plugin, so a
 * rule runs the same way under `planlint`, the API and `remark --use`.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Node, Position} from 'unist'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {docsUrl} from './meta.js'
import type {RuleOptions, Severity} from './types.js'

/** A JSON Schema fragment (draft-07), kept loose on purpose: ajv checks it. */
export type JsonSchema = Record<string, unknown>

/** One documented example; the example runner lints `markdown` and compares. */
export interface RuleExample {
  /** What the example shows, one line; becomes a heading in the rule's docs. */
  title: string
  markdown: string
  /** Options for the rule, merged over its defaults. */
  options?: RuleOptions
  /**
   * Expected messages, exactly, as `line:column-endLine:endColumn message`.
   * An empty list (or none) means the example must pass clean.
   */
  messages?: string[]
}

export interface RuleDefinition<Options extends RuleOptions = RuleOptions> {
  /** Bare id, e.g. `no-placeholders`; the message source is always `planlint`. */
  id: string
  /** One line, imperative: what the rule checks. */
  description: string
  /** Severity when a preset or config turns the rule on without saying. */
  severity: Exclude<Severity, 'off'>
  /** Longer Markdown prose for the generated docs page. */
  docs: string
  /** JSON Schema of the options object (also embedded in the config schema). */
  optionsSchema: JsonSchema
  /** Option values used when the config does not set them. */
  defaults: Options
  /** Whether some of its messages carry a certain fix (`--fix`). */
  fixable?: boolean
  /**
   * Checks a schema cannot express (e.g. that a named template exists), run
   * on a config's options after the schema passes: the problem, or undefined.
   */
  checkOptions?(options: Partial<Options>): string | undefined
  examples: {valid: RuleExample[]; invalid: RuleExample[]}
  /** Report problems with `file.message(reason, node-or-position)`. */
  check(tree: Root, file: VFile, options: Options): void
}

export interface Rule<Options extends RuleOptions = RuleOptions> extends RuleDefinition<Options> {
  /** The remark-lint plugin: `[severity, options]`, options alone, or nothing. */
  plugin: Plugin<[unknown?], Root>
}

const severities = new Set<unknown>(['off', 'warn', 'error', 'on', 0, 1, 2, true, false])

export function defineRule<Options extends RuleOptions>(
  definition: RuleDefinition<Options>
): Rule<Options> {
  // The same options object reaches every file of a run: merge it with the
  // defaults once, so rules can cache what they compile from their options.
  const merged = new WeakMap<object, Options>()
  function withDefaults(options: Partial<Options> | undefined): Options {
    if (!options) return definition.defaults
    let result = merged.get(options)
    if (!result) {
      result = {...definition.defaults, ...options}
      merged.set(options, result)
    }
    return result
  }

  const lint = lintRule<Root, Partial<Options> | undefined>(
    {origin: `planlint:${definition.id}`, url: docsUrl(definition.id)},
    (tree, file, options) => {
      const before = file.messages.length
      definition.check(tree, file, withDefaults(options))
      // A message without a place helps nobody (a tree built without
      // positions): like remark-lint's rules, report nothing then.
      const added = file.messages.splice(before)
      file.messages.push(...added.filter((message) => message.place !== undefined))
    }
  )

  // unified-lint-rule defaults to "warn"; a planlint rule has its own default.
  function plugin(this: unknown, config?: unknown) {
    const hasSeverity = Array.isArray(config) && severities.has(config[0])
    const setting = hasSeverity ? config : [definition.severity, config]
    return (lint as unknown as (config: unknown) => unknown).call(this, setting)
  }

  Object.defineProperty(plugin, 'name', {value: `planlint:${definition.id}`})
  return {...definition, plugin: plugin as Plugin<[unknown?], Root>}
}

/**
 * Messages a rule reports as warnings whatever its severity (an optional
 * empty section, an unknown section). unified-lint-rule gives every message of
 * a rule the rule's severity; `demoteWarnings` (last in every preset) lowers these.
 */
const warningMessages = new WeakSet<VFileMessage>()

export function warn(file: VFile, reason: string, at: Node | {place: Position}): void {
  warningMessages.add('type' in at ? file.message(reason, at) : file.message(reason, {place: at.place}))
}

/** unified plugin: turn messages reported with `warn` into warnings. */
export function demoteWarnings() {
  return (_tree: Root, file: VFile) => {
    for (const message of file.messages) {
      if (warningMessages.has(message) && message.fatal) message.fatal = false
    }
  }
}
