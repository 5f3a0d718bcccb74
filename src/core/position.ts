/**
 * Positions of tokens found inside a node's text. Rules match on a node's
 * `value` (escapes and entities already decoded by the parser) and report the
 * token where it stands in the source, so line and column point at it.
 */
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

type Locator = ReturnType<typeof location>

const locators = new WeakMap<VFile, Locator>()

function locatorFor(file: VFile): Locator {
  let locator = locators.get(file)
  if (!locator) {
    locator = location(file)
    locators.set(file, locator)
  }
  return locator
}

export interface Span {
  start: {line: number; column: number; offset: number}
  end: {line: number; column: number; offset: number}
}

/**
 * Where `token` stands in the source of `node`, as offsets, searching from
 * `fromOffset` (so repeated tokens get their own places). Falls back to the
 * whole node when the token is spelled differently in the source (escaped).
 */
export function tokenRange(source: string, node: Node, token: string, fromOffset?: number): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const from = Math.max(start, fromOffset ?? start)
  const index = source.slice(from, end).indexOf(token)
  return index === -1 ? [start, end] : [from + index, from + index + token.length]
}

/** The span between two source offsets (a token a rule found itself). */
export function offsetSpan(file: VFile, start: number, end: number): Span | undefined {
  const locator = locatorFor(file)
  const startPoint = locator.toPoint(start)
  const endPoint = locator.toPoint(end)
  if (!startPoint || !endPoint) return undefined
  return {
    start: {line: startPoint.line, column: startPoint.column, offset: start},
    end: {line: endPoint.line, column: endPoint.column, offset: end}
  }
}
