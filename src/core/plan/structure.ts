/**
 * A family's document structure, as data (declared in presets/), and how a
 * plan's outline is matched against it. Used by required-sections,
 * empty-section and auto-detection.
 */
import {headingKey} from '../grammar.js'
import type {Section} from './outline.js'

export interface SectionSpec {
  /** The section's name as the template writes it; used in messages. */
  title: string
  /** Heading level (default 2). */
  level?: number
  required: boolean
  /**
   * Not required, but the template has it and most real plans keep it: its
   * absence is a warning, where the document otherwise follows the structure.
   */
  expected?: boolean
  /**
   * For an expected section, a regular expression over heading keys: where
   * a heading of the document, at any level, names the section's topic
   * (`### Dependencies (Existing)` under Integration Points), the document
   * covers it under another name, and its absence is not reported.
   */
  topic?: string
  /** Other names real plans use for the same section. */
  aliases?: string[]
  /** A regular expression over the heading key, for variable names (`phase \\d+ setup`). */
  pattern?: string
  /** May occur more than once (e.g. one phase per user story). */
  repeat?: boolean
  /** May stand anywhere, so order is not checked (checkpoints between phases). */
  anywhere?: boolean
}

export interface VariantSpec {
  /** `plan`, `tasks`, `bug`…: `spec-kit/tasks` selects a variant in config. */
  name: string
  /** Regular expression (case-insensitive) over the H1's text that identifies the variant. */
  title: string
  /** The H1 form, for messages: `Implementation Plan: …`. */
  titleExample: string
  /** Whether sections must follow the schema's order. */
  ordered: boolean
  sections: SectionSpec[]
  /**
   * Open questions the document may keep, and how many: a spec-kit spec
   * marks at most three `[NEEDS CLARIFICATION: …]` for /clarify to settle.
   */
  openQuestions?: {marker: string; max: number}
}

export interface StructureSpec {
  /** Bold header labels (`**Feature ID:**`) typical of the family, for detection. */
  fields: string[]
  variants: VariantSpec[]
}

/** How much a section is wanted: missing, an error; missing, a warning; or not at all. */
export type Expectation = 'required' | 'expected' | 'optional'

/** A config's per-section override: `{"Complexity Tracking": "required"}`. */
export type SectionOverrides = Record<string, Expectation>

interface CompiledSpec extends SectionSpec {
  /** Position in the variant's schema: order is checked on it. */
  order: number
  keys: Set<string>
  regex?: RegExp
}

interface CompiledVariant extends Omit<VariantSpec, 'sections'> {
  titleRegex: RegExp
  sections: CompiledSpec[]
  /** Heading key → the first spec with that name or alias. */
  byKey: Map<string, CompiledSpec>
  /** The specs with a pattern, in order. */
  patterned: CompiledSpec[]
}

const compiled = new WeakMap<VariantSpec, CompiledVariant>()

function compile(variant: VariantSpec): CompiledVariant {
  let result = compiled.get(variant)
  if (!result) {
    const sections: CompiledSpec[] = variant.sections.map((spec, order) => ({
      ...spec,
      order,
      keys: new Set([spec.title, ...(spec.aliases ?? [])].map(headingKey)),
      regex: spec.pattern ? new RegExp(spec.pattern) : undefined
    }))
    const byKey = new Map<string, CompiledSpec>()
    for (const spec of sections) for (const key of spec.keys) if (!byKey.has(key)) byKey.set(key, spec)
    result = {...variant, titleRegex: new RegExp(variant.title, 'i'), sections, byKey, patterned: sections.filter((spec) => spec.regex)}
    compiled.set(variant, result)
  }
  return result
}

/**
 * The spec a heading names, if any. A heading at another level than the
 * spec's still matches by name (so a wrong level can be reported), but not
 * by pattern: `### Phase 3.2 - tests in parallel` inside "Parallel Examples"
 * is a subsection, not a phase.
 */
export function specFor(variant: VariantSpec, section: Section): CompiledSpec | undefined {
  // The first spec in order that matches: by name at any level, or by pattern at its own.
  const {byKey, patterned} = compile(variant)
  const named = byKey.get(section.key) ?? byKey.get(section.bareKey) ?? (section.asideKey === undefined ? undefined : byKey.get(section.asideKey))
  const byPattern = patterned.find(
    (spec) => (named === undefined || spec.order < named.order) && section.depth === (spec.level ?? 2) && spec.regex!.test(section.key)
  )
  return byPattern ?? named
}

export interface SectionMatch {
  section: Section
  spec: CompiledSpec
}

export interface StructureMatch {
  variant: VariantSpec
  title: Section | undefined
  titleMatches: boolean
  /** Sections that name a spec, in document order. */
  matches: SectionMatch[]
  /** Score used to choose a variant (and a preset, in detection). */
  score: number
}

const matched = new WeakMap<readonly Section[], Map<VariantSpec, StructureMatch>>()

/**
 * Match a document's outline against one variant; once per outline and
 * variant, though detection and two structure rules all ask.
 */
export function matchVariant(sections: readonly Section[], variant: VariantSpec): StructureMatch {
  let byVariant = matched.get(sections)
  if (!byVariant) {
    byVariant = new Map()
    matched.set(sections, byVariant)
  }
  let match = byVariant.get(variant)
  if (!match) {
    match = computeMatch(sections, variant)
    byVariant.set(variant, match)
  }
  return match
}

function computeMatch(sections: readonly Section[], variant: VariantSpec): StructureMatch {
  const title = sections.find((section) => section.depth === 1)
  const titleMatches = title !== undefined && compile(variant).titleRegex.test(title.text.trim())
  const matches: SectionMatch[] = []
  // A heading deeper than its spec's level is the section at the wrong level
  // only when nothing between it and the title could be its parent; under
  // another section (`## Phase Status` › `### Phase 1: Design`) it is a subsection.
  const ancestors: Section[] = []
  for (const section of sections) {
    while (ancestors.length > 0 && ancestors[ancestors.length - 1]!.depth >= section.depth) ancestors.pop()
    const parentDepth = ancestors[ancestors.length - 1]?.depth ?? 0
    ancestors.push(section)
    if (section.depth === 1) continue
    const spec = specFor(variant, section)
    if (!spec) continue
    const level = spec.level ?? 2
    if (section.depth > level && parentDepth >= level) continue
    matches.push({section, spec})
  }
  // Required sections weigh most: a plan that has them all is this variant,
  // whatever else it adds; optional ones only break ties.
  const found = new Set(matches.map((match) => match.spec.order))
  const specs = compile(variant).sections
  const required = specs.filter((spec) => spec.required)
  const optional = specs.filter((spec) => !spec.required)
  const share = (list: CompiledSpec[]) => (list.length === 0 ? 0 : list.filter((spec) => found.has(spec.order)).length / list.length)
  // One required heading found is weak evidence, of a kind most plans have
  // (an Overview, phases): the sections then count half where the title is
  // of another form (`# Feature Proposal: …`) or the variant asks for more
  // (a title four families share, `# Implementation Plan: …`, and an Overview).
  const requiredFound = required.filter((spec) => found.has(spec.order)).length
  const weak = requiredFound < 2 && (!titleMatches || required.length > requiredFound)
  const sectionWeight = weak ? 0.5 : 1
  const score = (titleMatches ? 3 : 0) + sectionWeight * (5 * share(required) + share(optional))
  return {variant, title, titleMatches, matches, score}
}

/**
 * The variant of a family a document follows: the best score, the first
 * variant on a tie; `name` forces one (`spec-kit/tasks`).
 */
export function chooseVariant(sections: readonly Section[], structure: StructureSpec, name?: string): StructureMatch | undefined {
  const variants = name ? structure.variants.filter((variant) => variant.name === name) : structure.variants
  const candidates = variants.map((variant) => matchVariant(sections, variant))
  // The title says what kind of document it is (`# Tasks:` is no plan.md):
  // when some variants' title forms match, the sections choose among those.
  const titled = candidates.filter((match) => match.titleMatches)
  let best: StructureMatch | undefined
  for (const match of titled.length > 0 ? titled : candidates) {
    if (!best || match.score > best.score) best = match
  }
  return best
}

/** How much a spec is wanted, after a config's overrides. */
export function expectation(spec: SectionSpec, overrides: SectionOverrides): Expectation {
  return overrides[spec.title] ?? (spec.required ? 'required' : spec.expected ? 'expected' : 'optional')
}

/** Whether a spec is required, after a config's overrides. */
export function isRequired(spec: SectionSpec, overrides: SectionOverrides): boolean {
  return expectation(spec, overrides) === 'required'
}

export const sectionOverridesSchema = {
  type: 'object',
  additionalProperties: {enum: ['required', 'expected', 'optional']},
  description:
    'Make a section of the preset required (missing is an error), expected (missing is a warning) or optional, by its title: `{"Complexity Tracking": "required"}`.'
}
/** The JSON Schema of a structure, for rule options. */
export const structureSchema = {
  type: 'object',
  required: ['fields', 'variants'],
  properties: {
    fields: {type: 'array', items: {type: 'string'}},
    variants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'title', 'titleExample', 'ordered', 'sections'],
        properties: {
          name: {type: 'string'},
          title: {type: 'string', format: 'regex'},
          titleExample: {type: 'string'},
          ordered: {type: 'boolean'},
          openQuestions: {
            type: 'object',
            additionalProperties: false,
            required: ['marker', 'max'],
            properties: {marker: {type: 'string', minLength: 1}, max: {type: 'integer', minimum: 0}}
          },
          sections: {
            type: 'array',
            items: {
              type: 'object',
              required: ['title', 'required'],
              properties: {
                title: {type: 'string'},
                level: {type: 'integer', minimum: 1, maximum: 6},
                required: {type: 'boolean'},
                expected: {type: 'boolean'},
                topic: {type: 'string', format: 'regex'},
                aliases: {type: 'array', items: {type: 'string'}},
                pattern: {type: 'string', format: 'regex'},
                repeat: {type: 'boolean'},
                anywhere: {type: 'boolean'}
              }
            }
          }
        }
      }
    }
  }
}
