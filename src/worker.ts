/**
 * A worker thread of `lintFiles`: it receives documents that missed the
 * cache and lints them with exactly the code the main thread would use.
 */
import {parentPort} from 'node:worker_threads'
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

parentPort?.on('message', (job: WorkerJob) => {
  lintDocument(job.text, job.file, job.display, job.loaded, job.options).then(
    (result) => parentPort!.postMessage({id: job.id, result}),
    (error: unknown) => parentPort!.postMessage({id: job.id, error: (error as Error).stack ?? String(error)})
  )
})
