/**
 * A family's document structure, as data (declared in presets/), and how a
 * plan's outline is matched against it. Used by required-sections,
 * empty-section and auto-detection.
 */
import type {Root} from 'mdast'
import {headingKey, outline, type Section} from './outline.js'

export interface SectionSpec {
  /** The section's name as the template writes it; used in messages. */
  title: string
  /** Heading level (default 2). */
  level?: number
  required: boolean
  /** Other names real plans use for the same section. */
  aliases?: string[]
  /** A regular expression over the heading key, for variable names (`phase \\d+ setup`). */
  pattern?: string
  /** May occur more than once (e.g. one phase per user story). */
  repeat?: boolean
}

export interface VariantSpec {
  /** `plan`, `tasks`, `bug`…: `spec-kit/tasks` selects a variant in config. */
  name: string
  /** Regular expression over the H1's key that identifies the variant. */
  title: string
  /** The H1 form, for messages: `Implementation Plan: …`. */
  titleExample: string
  /** Whether sections must follow the schema's order. */
  ordered: boolean
  sections: SectionSpec[]
}

export interface StructureSpec {
  /** Bold header labels (`**Feature ID:**`) typical of the family, for detection. */
  fields: string[]
  variants: VariantSpec[]
}

/** A config's per-section override: `{"Complexity Tracking": "required"}`. */
export type SectionOverrides = Record<string, 'required' | 'optional'>

interface CompiledSpec extends SectionSpec {
  /** Position in the variant's schema: order is checked on it. */
  order: number
  keys: Set<string>
  regex?: RegExp
}

interface CompiledVariant extends Omit<VariantSpec, 'sections'> {
  titleRegex: RegExp
  sections: CompiledSpec[]
}

const compiled = new WeakMap<VariantSpec, CompiledVariant>()

function compile(variant: VariantSpec): CompiledVariant {
  let result = compiled.get(variant)
  if (!result) {
    result = {
      ...variant,
      titleRegex: new RegExp(variant.title),
      sections: variant.sections.map((spec, order) => ({
        ...spec,
        order,
        keys: new Set([spec.title, ...(spec.aliases ?? [])].map(headingKey)),
        regex: spec.pattern ? new RegExp(spec.pattern) : undefined
      }))
    }
    compiled.set(variant, result)
  }
  return result
}

/** The spec a heading names, if any (at any level: a wrong level is still a match). */
export function specFor(variant: VariantSpec, section: Section): CompiledSpec | undefined {
  return compile(variant).sections.find((spec) => spec.keys.has(section.key) || spec.regex?.test(section.key) === true)
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

/** Match a document against one variant. */
export function matchVariant(tree: Root, variant: VariantSpec): StructureMatch {
  const sections = outline(tree)
  const title = sections.find((section) => section.depth === 1)
  const titleMatches = title !== undefined && compile(variant).titleRegex.test(title.key)
  const matches: SectionMatch[] = []
  for (const section of sections) {
    if (section.depth === 1) continue
    const spec = specFor(variant, section)
    if (spec) matches.push({section, spec})
  }
  const distinct = new Set(matches.map((match) => match.spec.order)).size
  const score = (titleMatches ? 3 : 0) + (5 * distinct) / Math.max(variant.sections.length, 1)
  return {variant, title, titleMatches, matches, score}
}

/**
 * The variant of a family a document follows: the best score, the first
 * variant on a tie; `name` forces one (`spec-kit/tasks`).
 */
export function chooseVariant(tree: Root, structure: StructureSpec, name?: string): StructureMatch | undefined {
  const variants = name ? structure.variants.filter((variant) => variant.name === name) : structure.variants
  let best: StructureMatch | undefined
  for (const variant of variants) {
    const match = matchVariant(tree, variant)
    if (!best || match.score > best.score) best = match
  }
  return best
}

/** Whether a spec is required, after a config's overrides. */
export function isRequired(spec: SectionSpec, overrides: SectionOverrides): boolean {
  const override = overrides[spec.title]
  return override === undefined ? spec.required : override === 'required'
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
          sections: {
            type: 'array',
            items: {
              type: 'object',
              required: ['title', 'required'],
              properties: {
                title: {type: 'string'},
                level: {type: 'integer', minimum: 1, maximum: 6},
                required: {type: 'boolean'},
                aliases: {type: 'array', items: {type: 'string'}},
                pattern: {type: 'string', format: 'regex'},
                repeat: {type: 'boolean'}
              }
            }
          }
        }
      }
    }
  }
}

export const sectionOverridesSchema = {
  type: 'object',
  additionalProperties: {enum: ['required', 'optional']},
  description: 'Make a section of the preset required or optional, by its title: `{"Complexity Tracking": "required"}`.'
}
