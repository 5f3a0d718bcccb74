/**
 * `npm run build`, second step: bundle the CLI and its worker thread into
 * dist/bin/ with esbuild. Node.js resolves and compiles every module of an
 * unbundled ESM program one by one: planlint's ~300 modules were two thirds
 * of a one-file run (the pre-commit case; issue 7, bench/results.md).
 * The library (`planlint`, `planlint/presets/*`, `planlint/rules/*`) and the
 * language server stay unbundled tsc output; the bundle is made from that
 * same output, so the CLI runs the code the API runs (with the parser's two
 * hot spots patched: parser-patches.ts).
 */
import {rmSync} from 'node:fs'
import {build} from 'esbuild'
import {nodeBundleOptions} from './parser-patches.js'

const dist = new URL('../', import.meta.url)

// Chunk names carry content hashes: clear out the last build's.
rmSync(new URL('bin/', dist), {recursive: true, force: true})

await build({
  ...nodeBundleOptions,
  // workers.ts starts `new URL('./worker.js', import.meta.url)`: both
  // entries land side by side in dist/bin/.
  entryPoints: {cli: new URL('src/front/cli.js', dist).pathname, worker: new URL('src/engine/worker.js', dist).pathname},
  outdir: new URL('bin/', dist).pathname,
  // Shared code in one chunk; reporters stay lazy chunks, loaded when used.
  splitting: true,
  sourcemap: 'linked'
})
