/**
 * `npm run build`, second step: bundle the CLI and its worker thread into
 * dist/bin/ with esbuild. Node.js resolves and compiles every module of an
 * unbundled ESM program one by one: planlint's ~300 modules were two thirds
 * of a one-file run (the pre-commit case; issue 7, bench/results.md).
 * The library (`planlint`, `planlint/presets/*`, `planlint/rules/*`) and the
 * language server stay unbundled tsc output; the bundle is made from that
 * same output, so the CLI runs exactly the code the API runs.
 */
import {readFileSync, rmSync} from 'node:fs'
import {build, type Plugin} from 'esbuild'

const dist = new URL('../', import.meta.url)

/**
 * mdast-util-from-markdown 2.1.0 copies its whole compile context into a new
 * object for every micromark event it hands to a handler (`{...context,
 * sliceSerialize}`), only to set `sliceSerialize`. Setting that one field on
 * the context instead makes parsing 20% faster on the benchmark corpus and
 * changes nothing else: handlers run synchronously and never keep `this`.
 * The build fails if the code changes, so an upgrade is never silently
 * un-optimised or mis-patched.
 */
const perEventCopy = `handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`
const sharedContext = `context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`

const fromMarkdownWithoutCopies: Plugin = {
  name: 'from-markdown-without-per-event-copies',
  setup(esbuild) {
    esbuild.onLoad({filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes(perEventCopy)) {
        return {errors: [{text: 'mdast-util-from-markdown changed: review the patch in scripts/bundle.ts'}]}
      }
      return {contents: source.replace(perEventCopy, sharedContext), loader: 'js'}
    })
  }
}

// Chunk names carry content hashes: clear out the last build's.
rmSync(new URL('bin/', dist), {recursive: true, force: true})

await build({
  // workers.ts starts `new URL('./worker.js', import.meta.url)`: both
  // entries land side by side in dist/bin/.
  entryPoints: {cli: new URL('src/cli.js', dist).pathname, worker: new URL('src/worker.js', dist).pathname},
  outdir: new URL('bin/', dist).pathname,
  bundle: true,
  // Shared code in one chunk; reporters stay lazy chunks, loaded when used.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Some dependencies are CommonJS and call `require`.
  banner: {js: "import {createRequire as __planlintCreateRequire} from 'node:module'; const require = __planlintCreateRequire(import.meta.url);"},
  plugins: [fromMarkdownWithoutCopies],
  logLevel: 'warning'
})
