/**
 * The files a plan lays out: the trees of its Project Structure section, as
 * plans draw them in code blocks (`├── app/`, `│   └── main.py`, or plain
 * indentation), read as paths. A tree is text in a code block, not Markdown:
 * this reads the block's lines, one name per line, nested by indentation.
 */
import type {Code} from 'mdast'
import {walk} from '../walk.js'
import type {Plan, Section} from './index.js'

/** A tree line: its drawing (indentation, `│`, `├──`, `└──`) and the name after it, comments aside. */
const treeLine = /^([\s│├└─┬┴┼|`+\\-]*)([\w.@[\]{}-][^\s#]*)/u

export interface Layout {
  /** Every path the trees name (`backend/app/main.py`), folders without their slash. */
  paths: Set<string>
  /** The first segment of each path (`backend`, `frontend`, `README.md`). */
  roots: Set<string>
  /** The paths that are folders: drawn with a slash, or with paths below them. */
  folders: Set<string>
}

/** The paths one tree block names; a folder drawn so keeps its slash (`backend/app/`). */
export function treePaths(text: string): string[] {
  const paths: string[] = []
  const open: Array<{depth: number; name: string}> = []
  for (const line of text.split('\n')) {
    const match = treeLine.exec(line)
    if (!match) continue
    const depth = [...match[1]!].length
    const name = match[2]!.replace(/\/+$/, '')
    if (name === '' || name === '.' || name === '...') continue
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) open.pop()
    paths.push([...open.map((entry) => entry.name), match[2]!.replace(/\/+$/, '/')].join('/'))
    open.push({depth, name})
  }
  return paths
}

/** The layout a plan's section draws, or undefined where it draws none. */
export function layoutOf(plan: Plan, section: Section): Layout | undefined {
  const paths = new Set<string>()
  const folders = new Set<string>()
  for (const node of plan.body(section)) {
    walk(node, (child) => {
      if (child.type !== 'code') return
      for (const drawn of treePaths((child as Code).value)) {
        const path = drawn.replace(/^\.\//, '').replace(/\/$/, '')
        paths.add(path)
        if (drawn.endsWith('/')) folders.add(path)
        for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) folders.add(path.slice(0, at))
      }
    })
  }
  if (paths.size === 0) return undefined
  return {paths, folders, roots: new Set([...paths].map((path) => path.split('/')[0]!))}
}
