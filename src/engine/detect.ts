/**
 * Which family a plan follows, from its structure: the H1 form, the section
 * headings and the bold header fields (`**Feature ID:**`), scored against
 * every preset that declares a structure. Below the bar, `recommended`.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {presets} from '../../presets/index.js'
import {headingKey} from '../core/plan/outline.js'
import {chooseVariant} from '../core/plan/structure.js'

export interface DetectionScore {
  preset: string
  variant: string
  score: number
}

export interface Detection {
  /** The chosen preset: the best score, when confident, else `recommended`. */
  preset: string
  scores: DetectionScore[]
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

/** Bold labels in the header, before the first second-level heading. */
function headerFields(tree: Root): Set<string> {
  const fields = new Set<string>()
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth > 1) break
    if (node.type !== 'paragraph') continue
    for (const child of node.children) {
      if (child.type === 'strong') fields.add(headingKey(toString(child)))
    }
  }
  return fields
}

// Each family's header fields as keys, computed once, not per document.
const fieldKeys = new Map(presets.map((preset) => [preset.name, (preset.structure?.fields ?? []).map(headingKey)]))

export function detect(tree: Root): Detection {
  const fields = headerFields(tree)
  const scores: DetectionScore[] = []
  for (const preset of presets) {
    if (!preset.structure) continue
    const match = chooseVariant(tree, preset.structure)
    if (!match) continue
    const known = fieldKeys.get(preset.name)!.filter((key) => fields.has(key)).length
    // Header fields break ties between families that share a title form.
    scores.push({preset: preset.name, variant: match.variant.name, score: match.score + Math.min(known * 0.5, 2)})
  }
  scores.sort((a, b) => b.score - a.score)
  const [best, second] = scores
  const confident = best !== undefined && best.score >= confidenceBar && best.score - (second?.score ?? 0) >= confidenceMargin
  return {preset: confident ? best.preset : 'recommended', scores}
}
