/** Public types shared by the engine, the CLI, the API and the rules. */

/** How loud a rule is. `warn` and `error` are the only levels a message can have. */
export type Severity = 'off' | 'warn' | 'error'

/** Options a rule accepts: always a plain object, validated by the rule's JSON Schema. */
export type RuleOptions = Record<string, unknown>

/** A rule setting as written in a config file or a preset. */
export type RuleSetting = Severity | [Severity] | [Severity, RuleOptions]

/** A rule setting after presets and config have been merged. */
export interface ResolvedRule {
  severity: Severity
  options: RuleOptions
}

/** Everything needed to lint one document: which preset, and every rule's setting. */
export interface Settings {
  preset: string
  /** A structure variant the preset name forces (`spec-kit/tasks` → `tasks`). */
  variant?: string
  rules: Record<string, ResolvedRule>
}

/** One finding. Lines and columns are 1-based; the end is exclusive, as in unist. */
export interface LintMessage {
  ruleId: string | null
  severity: 'error' | 'warning'
  line: number
  column: number
  endLine: number
  endColumn: number
  message: string
  /** The message's id in its rule's messages table (see the rule's docs). */
  messageId?: string
  /** True when the file could not be linted at all (unreadable, binary, …). */
  fatal?: boolean
  /** A certain fix: replace the text between these offsets with `text` (what `--fix` applies). */
  fix?: {range: [number, number]; text: string}
  /** The other documents of the file's feature folder the finding relied on, by file name (`spec.md`). */
  documents?: string[]
}

/** The findings for one file, in document order. */
export interface LintResult {
  file: string
  preset: string | null
  messages: LintMessage[]
  /** With `--fix`: how many fixes were written to the file (with `--fix-dry-run`: would be). */
  fixed?: number
  /** With `--fix-dry-run`: the text `--fix` would write. */
  output?: string
}
