/**
 * One walk over a tree, shared by every rule.
 *
 * unist-util-visit creates a closure and redefines a function name per node
 * (for debugging); with four rules each visiting the whole tree that was 11%
 * of the CPU of linting the benchmark corpus. Rules instead read the nodes
 * from one flat list, made once per tree.
 */
import type {Nodes, Parents, Root} from 'mdast'

export interface Visited {
  node: Nodes
  parent: Parents | undefined
}

/** Calls `enter` on `node` and every node below it, in document order. */
export function walk(node: Nodes, enter: (node: Nodes, parent: Parents | undefined) => void, parent?: Parents): void {
  enter(node, parent)
  if ('children' in node) for (const child of node.children) walk(child, enter, node)
}

const cache = new WeakMap<Root, readonly Visited[]>()

/** Every node of `tree` with its parent, in document order; made once per tree. */
export function nodesOf(tree: Root): readonly Visited[] {
  let nodes = cache.get(tree)
  if (!nodes) {
    const list: Visited[] = []
    walk(tree, (node, parent) => list.push({node, parent}))
    nodes = list
    cache.set(tree, nodes)
  }
  return nodes
}
