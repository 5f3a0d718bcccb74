/**
 * A worker thread of `lintFiles`: it receives documents that missed the
 * cache and lints them with exactly the code the main thread would use.
 */
import {parentPort} from 'node:worker_threads'
import {PlanlintError} from '../core/errors.js'
import type {LoadedConfig} from './config/load.js'
import {lintDocument} from './run.js'
import type {LintOptions} from './run.js'

export interface WorkerJob {
  id: number
  text: string
  file: string
  display: string
  loaded: LoadedConfig | null
  options: LintOptions
}

// Fault injection for the tests of crash handling, named so nobody sets it by
// accident: `crash:<name>` throws while linting files whose path ends with
// <name>, `exit:<name>` stops the worker thread.
const fault = /^(crash|exit):(.+)$/.exec(process.env['PLANLINT_TEST_FAULT'] ?? '')

// One job at a time, in the order they came: the pool sends the next job
// while this one is linted, and a worker that dies must have been linting
// the first job it held.
let previous: Promise<void> = Promise.resolve()

parentPort?.on('message', (job: WorkerJob) => {
  previous = previous.then(() => lintJob(job))
})

async function lintJob(job: WorkerJob): Promise<void> {
  if (fault && job.file.endsWith(fault[2]!)) {
    if (fault[1] === 'exit') process.exit(3)
    parentPort!.postMessage({id: job.id, error: 'injected fault'})
    return
  }
  try {
    parentPort!.postMessage({id: job.id, result: await lintDocument(job.text, job.file, job.display, job.loaded, job.options)})
  } catch (error) {
    // A refusal (a template that cannot be read) is said as it is; a bug keeps its stack.
    const refused = error instanceof PlanlintError
    parentPort!.postMessage({id: job.id, error: refused ? error.message : ((error as Error).stack ?? String(error)), refused})
  }
}
