/**
 * A small pool of worker threads for linting many files on all cores. Each
 * worker holds at most two jobs: the one it lints and the next, so it never
 * waits for the main thread (which may be linting a file of its own) to hand
 * it work, and large plans do not pile up on one thread. Results come back
 * by job id, so output keeps the order of the files.
 */
import {Worker} from 'node:worker_threads'
import {PlanlintError} from '../core/errors.js'
import type {CachedResult} from './cache.js'
import type {WorkerJob} from './worker.js'

interface Queued {
  job: WorkerJob
  resolve: (result: CachedResult) => void
  reject: (error: Error) => void
}

/** Jobs a worker holds at once: the current one and the next. */
const perWorker = 2

export class WorkerPool {
  private readonly workers: Worker[] = []
  private readonly queue: Queued[] = []
  /** Per worker, the jobs it holds, in the order it lints them. */
  private readonly held = new Map<Worker, Queued[]>()
  private ids = 0
  private closing = false

  constructor(size: number) {
    for (let index = 0; index < size; index++) this.workers.push(this.start())
  }

  get size(): number {
    return this.workers.length
  }

  private start(): Worker {
    const worker = new Worker(new URL('./worker.js', import.meta.url))
    this.held.set(worker, [])
    worker.on('message', (message: {id: number; result?: CachedResult; error?: string; refused?: boolean}) => {
      const held = this.held.get(worker)!
      const index = held.findIndex((queued) => queued.job.id === message.id)
      const [current] = held.splice(index, 1)
      if (message.error !== undefined) current?.reject(message.refused ? new PlanlintError(message.error) : new Error(message.error))
      else current?.resolve(message.result!)
      this.dispatch(worker)
    })
    // A worker that dies fails only the file it was linting (the first it
    // holds); the next one goes back to the queue, a new worker takes its
    // place and the queue goes on.
    const replace = (reason: string) => {
      const [current, ...next] = this.held.get(worker) ?? []
      this.held.delete(worker)
      current?.reject(new Error(reason))
      this.queue.unshift(...next)
      const index = this.workers.indexOf(worker)
      if (index === -1 || this.closing) return
      const replacement = this.start()
      this.workers[index] = replacement
      this.dispatch(replacement)
    }
    worker.on('error', (error) => replace(error.message))
    worker.on('exit', (code) => {
      if (this.workers.includes(worker)) replace(`the worker thread stopped (exit code ${code})`)
    })
    return worker
  }

  private dispatch(worker: Worker): void {
    const held = this.held.get(worker)
    while (held && held.length < perWorker && this.queue.length > 0) {
      const next = this.queue.shift()!
      held.push(next)
      worker.postMessage(next.job)
    }
  }

  /** Lint one document on the least busy worker. */
  run(job: Omit<WorkerJob, 'id'>): Promise<CachedResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({job: {...job, id: this.ids++}, resolve, reject})
      const idlest = this.workers.reduce((best, worker) =>
        this.held.get(worker)!.length < this.held.get(best)!.length ? worker : best
      )
      this.dispatch(idlest)
    })
  }

  async close(): Promise<void> {
    this.closing = true
    const workers = this.workers.splice(0)
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
