import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Prepared, prepareSafely } from './prepare.ts';
import type { RawArticle } from './types.ts';

const WORKER_URL = new URL('./prepare-worker.mjs', import.meta.url);

interface Job {
  id: number;
  raws: RawArticle[];
  resolve: (prepared: Prepared[]) => void;
}

/**
 * Prepares (extracts, cleans, dates, fingerprints) batches in worker threads, so the main thread
 * reads files and writes SQLite meanwhile. A worker that dies is not replaced: its batch and the
 * rest are prepared on the main thread, so the run still completes.
 */
export class PreparePool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;

  constructor(size = Math.max(1, Math.min(2, availableParallelism()))) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.on('message', (msg: { id: number; prepared: Prepared[] }) => {
      const job = this.running.get(worker);
      if (!job || job.id !== msg.id) return;
      this.running.delete(worker);
      this.idle.push(worker);
      job.resolve(msg.prepared);
      this.dispatch();
    });
    const lost = () => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const job = this.running.get(worker);
      this.running.delete(worker);
      if (job) job.resolve(job.raws.map(prepareSafely));
      if (this.idle.length + this.running.size === 0) {
        for (const j of this.waiting.splice(0)) j.resolve(j.raws.map(prepareSafely));
      }
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  prepare(raws: RawArticle[]): Promise<Prepared[]> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, raws, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length && this.idle.length) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, raws: job.raws });
    }
    if (this.waiting.length && this.idle.length + this.running.size === 0) {
      for (const j of this.waiting.splice(0)) j.resolve(j.raws.map(prepareSafely));
    }
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    for (const w of all) w.removeAllListeners();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
