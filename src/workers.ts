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
  private readonly workers: Worker[]
  private readonly queue: Queued[] = []
  private readonly busy = new Map<Worker, Queued>()
  private ids = 0

  constructor(size: number) {
    this.workers = Array.from({length: size}, () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url))
      worker.on('message', (message: {id: number; result?: CachedResult; error?: string}) => {
        const current = this.busy.get(worker)
        this.busy.delete(worker)
        if (message.error !== undefined) current?.reject(new Error(message.error))
        else current?.resolve(message.result!)
        this.dispatch(worker)
      })
      worker.on('error', (error) => {
        this.busy.get(worker)?.reject(error)
        this.busy.delete(worker)
      })
      return worker
    })
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
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }
}
