import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analysisOf } from '../knowledge/index.ts';
import { type Prepared, prepareSafely } from './prepare.ts';
import type { RawArticle } from './types.ts';

const WORKER_URL = new URL('./prepare-worker.mjs', import.meta.url);

interface Job {
  id: number;
  raws: RawArticle[];
  /** Also make knowledge's analysis (prepareSafely's `analyse`). */
  analyse: boolean;
  resolve: (prepared: Prepared[]) => void;
}

/** A job done on this thread after its workers are gone. */
const prepareHere = (job: Job): Prepared[] =>
  job.raws.map((raw) => prepareSafely(raw, job.analyse ? analysisOf : undefined));

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
    // A larger young generation, as in the parse pool: cleaning and analysis make many short-lived
    // strings, and with the default size the scavenger takes a large share of the worker's time.
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
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
      if (job) job.resolve(prepareHere(job));
      if (this.idle.length + this.running.size === 0) {
        for (const j of this.waiting.splice(0)) j.resolve(prepareHere(j));
      }
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  prepare(raws: RawArticle[], analyse = false): Promise<Prepared[]> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, raws, analyse, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length && this.idle.length) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, raws: job.raws, analyse: job.analyse });
    }
    if (this.waiting.length && this.idle.length + this.running.size === 0) {
      for (const j of this.waiting.splice(0)) j.resolve(prepareHere(j));
    }
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    for (const w of all) w.removeAllListeners();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
