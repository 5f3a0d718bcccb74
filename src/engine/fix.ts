/**
 * Applying fixes: small edits at known offsets, never a re-serialised
 * document (remark-stringify would reformat the whole plan).
 */
import type {LintMessage} from '../core/types.js'

export interface Fixed {
  text: string
  /** How many fixes were applied. */
  applied: number
}

export type Fix = NonNullable<LintMessage['fix']>

/** The fixes that can be applied together: each that does not overlap an earlier one, in text order. */
export function compatibleFixes(messages: ReadonlyArray<LintMessage>): Fix[] {
  const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : [])).sort((a, b) => a.range[0] - b.range[0])
  const chosen: Fix[] = []
  for (const fix of fixes) {
    const previous = chosen[chosen.length - 1]
    if (!previous || fix.range[0] >= previous.range[1]) chosen.push(fix)
  }
  return chosen
}

/** Apply the compatible fixes, from the end of the text backwards so the offsets of the others stay valid. */
export function applyFixes(text: string, messages: ReadonlyArray<LintMessage>): Fixed {
  const chosen = compatibleFixes(messages)
  let result = text
  for (const fix of [...chosen].reverse()) {
    result = result.slice(0, fix.range[0]) + fix.text + result.slice(fix.range[1])
  }
  return {text: result, applied: chosen.length}
}
