/**
 * A small pool of worker threads for linting many files on all cores. Each
 * worker takes the next job when it finishes one (large plans do not pile up
 * on one thread), and results come back by job id, so output keeps the order
 * of the files.
 */
import {Worker} from 'node:worker_threads'
import type {CachedResult} from './cache.js'
import type {WorkerJob} from './worker.js'

interface Queued {
  job: WorkerJob
  resolve: (result: CachedResult) => void
  reject: (error: Error) => void
}

export class WorkerPool {
  private readonly workers: Worker[] = []
  private readonly queue: Queued[] = []
  private readonly busy = new Map<Worker, Queued>()
  private ids = 0
  private closing = false

  constructor(size: number) {
    for (let index = 0; index < size; index++) this.workers.push(this.start())
  }

  private start(): Worker {
    const worker = new Worker(new URL('./worker.js', import.meta.url))
    worker.on('message', (message: {id: number; result?: CachedResult; error?: string}) => {
      const current = this.busy.get(worker)
      this.busy.delete(worker)
      if (message.error !== undefined) current?.reject(new Error(message.error))
      else current?.resolve(message.result!)
      this.dispatch(worker)
    })
    // A worker that dies fails only the file it was linting; a new worker
    // takes its place and the queue goes on.
    const replace = (reason: string) => {
      const current = this.busy.get(worker)
      this.busy.delete(worker)
      current?.reject(new Error(reason))
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
    const next = this.queue.shift()
    if (!next) return
    this.busy.set(worker, next)
    worker.postMessage(next.job)
  }

  /** Lint one document on the next free worker. */
  run(job: Omit<WorkerJob, 'id'>): Promise<CachedResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({job: {...job, id: this.ids++}, resolve, reject})
      const idle = this.workers.find((worker) => !this.busy.has(worker))
      if (idle) this.dispatch(idle)
    })
  }

  async close(): Promise<void> {
    this.closing = true
    const workers = this.workers.splice(0)
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
