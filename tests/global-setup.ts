/** Says once, at the start of the run, when the corpus tests are skipped. */
import {corpusMissing} from './paths.js'

export default function setup(): void {
  if (corpusMissing) process.stdout.write(`\nplanlint tests: ${corpusMissing}\n\n`)
}
