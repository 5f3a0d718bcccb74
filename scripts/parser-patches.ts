/**
 * Two allocation hot spots in remark's parser and one quadratic loop, fixed in the bundle
 * the package runs (CLI, language server, API; esbuild rewrites the
 * dependency's code as it bundles; node_modules and tsc's output are
 * untouched, and remark users parse with their own remark-parse). Parsing is about 90% of linting a plan,
 * and these two were a fifth of it (issue 7, bench/results.md).
 *
 * Each replacement must match exactly once, or the build fails: an upgraded
 * dependency is never silently left unpatched or patched in the wrong place.
 * tests/parser-patches.test.ts checks that the patched parser builds the
 * same trees as the unpatched one, positions included, for every plan and
 * template the project has.
 */
import {readFileSync} from 'node:fs'
import type {BuildOptions, Plugin} from 'esbuild'
import escapeStringRegexp from 'escape-string-regexp'

export interface SourcePatch {
  /** The patched file: package name and path inside it. */
  package: string
  file: string
  /** Why the change is safe and what it saves. */
  why: string
  replacements: Array<[from: string, to: string]>
}

export const parserPatches: SourcePatch[] = [
  {
    package: 'mdast-util-from-markdown',
    file: 'lib/index.js',
    why:
      'compile() copies its whole context into a new object for every micromark event only to set `sliceSerialize`; ' +
      'handlers run synchronously and never keep `this`, so setting the field on the one context is the same. ' +
      'Parsing: 20% faster.',
    replacements: [
      [
        `handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
        `context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`
      ]
    ]
  },
  {
    package: 'micromark-util-subtokenize',
    file: 'index.js',
    why:
      'subtokenize() keeps its jump table in a plain object with integer keys (dictionary mode) and merges each ' +
      "subcontent's table into it with Object.assign; a Map filled in place holds the same pairs. Tokenizing: 10% faster.",
    replacements: [
      ['  const jumps = {};\n', '  const jumps = new Map();\n'],
      ['    while (index in jumps) {\n      index = jumps[index];\n    }', '    while (jumps.has(index)) {\n      index = jumps.get(index);\n    }'],
      ['        Object.assign(jumps, subcontent(events, index));\n        index = jumps[index];', '        subcontent(events, index, jumps);\n        index = jumps.get(index);'],
      ['function subcontent(events, eventIndex) {', 'function subcontent(events, eventIndex, gaps) {'],
      ['  const gaps = {};\n', ''],
      ['    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];', '    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);']
    ]
  },
  {
    package: 'micromark',
    file: 'lib/initialize/text.js',
    why:
      'resolveAllText() merges each run of adjacent `data` events with a splice, which moves every event after the run: ' +
      'quadratic on text with many runs (`[a](` repeated: 256 KB took 28 s, 1 MB 385 s). Compacting the array in one ' +
      'pass, in place, keeps the same events (the first token of a run takes the last one\'s end) in linear time.',
    replacements: [
      [
        `    let index = -1;
    /** @type {number | undefined} */
    let enter;

    // A rather boring computation (to merge adjacent \`data\` events) which
    // improves mm performance by 29%.
    while (++index <= events.length) {
      if (enter === undefined) {
        if (events[index] && events[index][1].type === "data") {
          enter = index;
          index++;
        }
      } else if (!events[index] || events[index][1].type !== "data") {
        // Don’t do anything if there is one data token.
        if (index !== enter + 2) {
          events[enter][1].end = events[index - 1][1].end;
          events.splice(enter + 2, index - enter - 2);
          index = enter + 2;
        }
        enter = undefined;
      }
    }
    return`,
        `    let write = 0;
    let index = 0;
    while (index < events.length) {
      if (events[index][1].type === "data") {
        let end = index + 2;
        while (end < events.length && events[end][1].type === "data") end++;
        if (end !== index + 2) events[index][1].end = events[end - 1][1].end;
        events[write++] = events[index];
        events[write++] = events[index + 1];
        index = end;
      } else {
        events[write++] = events[index++];
      }
    }
    events.length = write;
    return`
      ]
    ]
  }
]

/** An esbuild plugin that applies `patches` to the files they name as they are bundled. */
export function patchesPlugin(patches: SourcePatch[] = parserPatches): Plugin {
  return {
    name: 'planlint-parser-patches',
    setup(build) {
      for (const patch of patches) {
        const filter = new RegExp(`[\\\\/]node_modules[\\\\/]${escapeStringRegexp(patch.package)}[\\\\/]${escapeStringRegexp(patch.file)}$`)
        build.onLoad({filter}, (args) => {
          let source = readFileSync(args.path, 'utf8')
          for (const [from, to] of patch.replacements) {
            const count = source.split(from).length - 1
            if (count !== 1) {
              return {errors: [{text: `${patch.package}/${patch.file} changed (a patch matches ${count} times): review scripts/parser-patches.ts`}]}
            }
            source = source.replace(from, () => to)
          }
          return {contents: source, loader: 'js'}
        })
      }
    }
  }
}

/**
 * How planlint bundles for Node.js: the build (scripts/bundle.ts) and
 * the test of the patches (tests/parser-patches.test.ts) use the same.
 */
export const nodeBundleOptions: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Some dependencies are CommonJS and call `require`.
  banner: {js: "import {createRequire as __planlintCreateRequire} from 'node:module'; const require = __planlintCreateRequire(import.meta.url);"},
  // The parser's patches (above), applied as it is bundled.
  plugins: [patchesPlugin()],
  logLevel: 'warning'
}
