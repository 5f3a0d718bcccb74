/**
 * What one file may cost: input in a pull request is untrusted, and a CI
 * step or an editor must not be held by one pathological file. A file over
 * budget gets one message and is not checked; the run goes on.
 */

export interface Budget {
  /** Seconds one file may take; 0 for no limit. */
  seconds: number
  /** How deep block quotes and list items may nest. */
  nesting: number
}

/**
 * Real plans nest lists three or four levels deep. The parser's time grows
 * with the square of the nesting (1,000 nested list items: 0.6 s, 3,000:
 * 7 s) and past a few thousand levels its recursion overflows the stack.
 */
export const defaultBudget: Budget = {seconds: 10, nesting: 100}

export class OverBudget extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'OverBudget'
  }
}

/**
 * The deepest container nesting any line opens by itself, and where: block
 * quote markers and list markers at the start of a line, each level of
 * indentation before a list marker counted too. This runs before parsing
 * (which is what the depth would stall), so it reads line starts, not a
 * tree; it over-counts at worst (a list marker in indented code), never
 * under a nesting the parser would see.
 */
export function deepestNesting(text: string): {depth: number; line: number} {
  let deepest = {depth: 0, line: 1}
  let line = 1
  for (let at = 0; at < text.length; line++) {
    let depth = 0
    let indent = 0
    let index = at
    for (;; index++) {
      const code = text.charCodeAt(index)
      if (code === 0x20) indent++
      else if (code === 0x09) indent += 4
      else if (code === 0x3e /* > */) {
        depth++
        indent = 0
      } else if ((code === 0x2d || code === 0x2b || code === 0x2a) /* - + * */ && isSpace(text.charCodeAt(index + 1))) {
        depth += 1 + (indent >> 1)
        indent = 0
      } else if (code >= 0x30 && code <= 0x39) {
        let end = index
        while (end - index < 9 && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++
        const after = text.charCodeAt(end)
        if (!((after === 0x2e || after === 0x29) /* . ) */ && isSpace(text.charCodeAt(end + 1)))) break
        depth += 1 + (indent >> 1)
        indent = 0
        index = end
      } else break
    }
    if (depth > deepest.depth) deepest = {depth, line}
    const next = text.indexOf('\n', index)
    at = next === -1 ? text.length : next + 1
  }
  return deepest
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || Number.isNaN(code)
}

/** Why a text is too deeply nested to check, or undefined. */
export function nestingProblem(text: string, budget: Budget): string | undefined {
  const {depth, line} = deepestNesting(text)
  if (depth <= budget.nesting) return undefined
  return `Not checked: too deeply nested (block quotes and lists ${depth} levels deep at line ${line}; the limit is ${budget.nesting})`
}
