/**
 * Which family a plan follows, from its structure: the H1 form, the section
 * headings and the bold header fields (`**Feature ID:**`), scored against
 * every family that declares a structure. Below the bar, `recommended`.
 */
import type {Root} from 'mdast'
import type {PresetSchema} from '../core/family.js'
import {headingKey} from '../core/grammar.js'
import {documentOf} from '../core/plan/index.js'
import {chooseVariant} from '../core/plan/structure.js'
import {presets} from '../../presets/index.js'

export interface DetectionScore {
  preset: string
  variant: string
  score: number
}

export interface Detection {
  /** The chosen preset: the best score, when confident, else `recommended`. */
  preset: string
  scores: DetectionScore[]
  /** What a family needs to be chosen: a score of `bar`, and a lead of `margin` over the next. */
  bar: number
  margin: number
}

/**
 * At least a title of the family's form (3), or most of its required
 * sections (5 for all of them)…
 */
export const confidenceBar = 3

/**
 * …and clearly ahead of the next family: four families title their plans
 * "Implementation Plan:", so a title alone decides nothing there.
 */
export const confidenceMargin = 1

// Each family's header fields as keys, computed once per family, not per document.
const fieldKeys = new WeakMap<PresetSchema, string[]>()

function fieldKeysOf(family: PresetSchema): string[] {
  let keys = fieldKeys.get(family)
  if (!keys) {
    keys = (family.structure?.fields ?? []).map(headingKey)
    fieldKeys.set(family, keys)
  }
  return keys
}

export function detect(tree: Root, source: string, families: readonly PresetSchema[] = presets): Detection {
  const plan = documentOf(tree, source)
  const fields = new Set(plan.fields.map((field) => field.key))
  const scores: DetectionScore[] = []
  for (const family of families) {
    if (!family.structure) continue
    const match = chooseVariant(plan.sections, family.structure)
    if (!match) continue
    const known = fieldKeysOf(family).filter((key) => fields.has(key)).length
    // Header fields break ties between families that share a title form.
    scores.push({preset: family.name, variant: match.variant.name, score: match.score + Math.min(known * 0.5, 2)})
  }
  scores.sort((a, b) => b.score - a.score)
  const [best, second] = scores
  const confident = best !== undefined && best.score >= confidenceBar && best.score - (second?.score ?? 0) >= confidenceMargin
  return {preset: confident ? best.preset : 'recommended', scores, bar: confidenceBar, margin: confidenceMargin}
}
