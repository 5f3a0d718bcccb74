/**
 * How a planlint rule is declared: metadata, documentation, its messages,
 * examples and the check, in one object. `defineRule` turns it into a
 * remark-lint plugin, so a rule runs the same way under `planlint`, the API,
 * `remark --use` and a `.remarkrc`: its options are validated when it is
 * attached, it reads the document as a `Plan`, and each message carries its
 * own severity.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Node, Point, Position} from 'unist'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {OptionsError} from './errors.js'
import {noFamily, type PresetSchema} from './family.js'
import {docsUrl} from './meta.js'
import {schemaProblem} from './options.js'
import {type FeatureFolder, folderOf, folderSourceOf} from './plan/folder.js'
import {type Plan, planOf} from './plan/index.js'
import {offsetSpan} from './position.js'
import type {RuleOptions, Severity} from './types.js'

/** A JSON Schema fragment (draft-07), kept loose on purpose: ajv checks it. */
export type JsonSchema = Record<string, unknown>

/** How loud one message is: `error` messages take the rule's severity; `warn` ones are warnings always. */
export type MessageSeverity = 'error' | 'warn'

/** One message a rule can give: its text, with `{name}` filled from the report's data. */
export interface MessageSpec {
  text: string
  /** Default `error`: the rule's own severity. */
  severity?: MessageSeverity
  /** Whether the message carries a certain fix (`--fix`, a quick fix). */
  fixable?: boolean
}

/** One documented example; the example runner lints `markdown` and compares. */
export interface RuleExample {
  /** What the example shows, one line; becomes a heading in the rule's docs. */
  title: string
  markdown: string
  /** The family the document is read as: a preset's name, or a family object. Default: none. */
  family?: string | PresetSchema
  /** Options for the rule, merged over its defaults. */
  options?: RuleOptions
  /** The example's file name (`tasks.md`), where its folder matters. */
  path?: string
  /** The other documents of its feature folder, by file name. */
  folder?: Record<string, string>
  /**
   * Expected messages, exactly, as `line:column-endLine:endColumn severity message`.
   * An empty list (or none) means the example must pass clean.
   */
  messages?: string[]
}

/** What a check reports through: a message id from the rule's table, a place, the text's data. */
export interface Report<Id extends string> {
  (id: Id, at: Node | Position | Point, data?: MessageData, extra?: ReportExtra): void
  /** The same, at source offsets (a token the rule found in the text). */
  span(id: Id, start: number, end: number, data?: MessageData, extra?: ReportExtra): void
}

export type MessageData = Record<string, string | number>

export interface ReportExtra {
  /** Overrides the message's severity (a strictness option); `allow` reports nothing. */
  severity?: MessageSeverity | 'allow'
  /** A certain fix: the text at the place, and its replacement. */
  fix?: {actual: string; expected: string}
  /** The other documents of the feature folder the message relies on, by file name. */
  documents?: string[]
}

export interface RuleDefinition<Options extends RuleOptions = RuleOptions, Id extends string = string> {
  /** Bare id, e.g. `no-placeholders`; the message source is always `planlint`. */
  id: string
  /** One line, imperative: what the rule checks. */
  description: string
  /** Severity when a preset or config turns the rule on without saying. */
  severity: Exclude<Severity, 'off'>
  /** Longer Markdown prose for the generated docs page. */
  docs: string
  /** Every message the rule can give, by id (as ESLint's `meta.messages`). */
  messages: Record<Id, MessageSpec>
  /** JSON Schema of the options object (also embedded in the config schema). */
  optionsSchema: JsonSchema
  /** Option values used when neither the family nor the config sets them. */
  defaults: Options
  /** Option values the family's data implies (its placeholder style, its templates). */
  familyDefaults?(family: PresetSchema): Partial<Options>
  /**
   * Checks a schema cannot express (e.g. that a named template exists), run
   * on options after the schema passes: the problem, or undefined.
   */
  checkOptions?(options: Partial<Options>): string | undefined
  examples: {valid: RuleExample[]; invalid: RuleExample[]}
  check(plan: Plan, report: Report<Id>, options: Options, context: CheckContext): void
}

/** What a check may ask beyond the document: the other documents of its feature folder. */
export interface CheckContext {
  folder(): FeatureFolder | undefined
}

export interface Rule<Options extends RuleOptions = RuleOptions, Id extends string = string> extends RuleDefinition<Options, Id> {
  /** Whether some of its messages carry a certain fix. */
  fixable: boolean
  /** The remark-lint plugin: `[severity, options]`, options alone, or nothing. */
  plugin: Plugin<[unknown?], Root>
  /** The problem with `options` for this rule, as one sentence, or undefined. */
  optionsProblem(options: unknown): string | undefined
}

const severities = new Set<unknown>(['off', 'warn', 'error', 'on', 0, 1, 2, true, false])

/** Fills `{name}` in a message text. */
function fill(text: string, data: MessageData | undefined): string {
  return data ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole)) : text
}

/** A message's id in its rule's table, kept on the message for reporters (`messageId` in JSON). */
export function messageIdOf(message: VFileMessage): string | undefined {
  return (message as VFileMessage & {messageId?: string}).messageId
}

/** The other documents of its folder a message relies on (see `ReportExtra`), kept on the message for reporters. */
export function documentsOf(message: VFileMessage): string[] | undefined {
  return (message as VFileMessage & {documents?: string[]}).documents
}

export function defineRule<Options extends RuleOptions, Id extends string>(
  definition: RuleDefinition<Options, Id>
): Rule<Options, Id> {
  const optionsProblem = (options: unknown): string | undefined => {
    if (options === undefined || options === null) return undefined
    const problem = schemaProblem(definition.optionsSchema, options, [])
    if (problem) return problem.replace(/^the options: /, '')
    return definition.checkOptions?.(options as Partial<Options>)
  }

  // The same options object and family reach every file of a run: merge and
  // check them once, so rules can cache what they compile from their options.
  const merged = new WeakMap<PresetSchema, WeakMap<object, Options>>()
  const none = {}
  function withDefaults(family: PresetSchema, options: Partial<Options> | undefined): Options {
    let byOptions = merged.get(family)
    if (!byOptions) {
      byOptions = new WeakMap()
      merged.set(family, byOptions)
    }
    let result = byOptions.get(options ?? none)
    if (!result) {
      result = {...definition.defaults, ...definition.familyDefaults?.(family), ...options} as Options
      byOptions.set(options ?? none, result)
    }
    return result
  }

  // Each message's own severity, until the plugin has set it (below).
  const intended = new WeakMap<VFileMessage, MessageSeverity>()

  const lint = lintRule<Root, Partial<Options> | undefined>(
    {origin: `planlint:${definition.id}`, url: docsUrl(definition.id)},
    (tree, file, options) => {
      const plan = planOf(tree, file)
      const add = (id: Id, place: Position | Point | undefined, data?: MessageData, extra?: ReportExtra) => {
        const spec = definition.messages[id]
        const severity = extra?.severity ?? spec.severity ?? 'error'
        // A message without a place helps nobody (a tree built without
        // positions): like remark-lint's rules, report nothing then.
        if (severity === 'allow' || place === undefined) return
        const message = file.message(fill(spec.text, data), {place})
        Object.assign(message, {messageId: id}, extra?.documents ? {documents: extra.documents} : {})
        intended.set(message, severity)
        if (extra?.fix) {
          message.actual = extra.fix.actual
          message.expected = [extra.fix.expected]
        }
      }
      const report = ((id, at, data, extra) => {
        const place = 'type' in at ? at.position : at
        const known = place && ('start' in place ? place.start.line !== undefined : place.line !== undefined)
        add(id, known ? place : undefined, data, extra)
      }) as Report<Id>
      report.span = (id, start, end, data, extra) => add(id, offsetSpan(file, start, end), data, extra)
      definition.check(plan, report, withDefaults(plan.family ?? noFamily, options), {folder: () => folderOf(plan, folderSourceOf(file))})
    }
  )

  // unified-lint-rule defaults to "warn"; a planlint rule has its own default.
  // It gives every message the rule's severity: a `warn` message is lowered after.
  function plugin(this: unknown, config?: unknown) {
    // `[severity, options]`, a severity alone (`'warn'`, `2`), or options alone.
    const setting = (
      Array.isArray(config) && severities.has(config[0])
        ? config
        : severities.has(config)
          ? [config]
          : [definition.severity, config]
    ) as [unknown, unknown]
    const problem = optionsProblem(setting[1])
    if (problem) throw new OptionsError(definition.id, problem)
    const transform = (lint as unknown as (config: unknown) => unknown).call(this, setting) as
      | ((tree: Root, file: VFile, next: (error?: unknown) => void) => void)
      | undefined
    if (!transform) return undefined
    return (tree: Root, file: VFile, next: (error?: unknown) => void) => {
      const before = file.messages.length
      transform(tree, file, (error) => {
        for (const message of file.messages.slice(before)) {
          if (intended.get(message) === 'warn') message.fatal = false
        }
        next(error)
      })
    }
  }

  Object.defineProperty(plugin, 'name', {value: `planlint:${definition.id}`})
  const fixable = Object.values<MessageSpec>(definition.messages).some((spec) => spec.fixable)
  return {...definition, fixable, optionsProblem, plugin: plugin as Plugin<[unknown?], Root>}
}
