import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../core/paths.ts';
import { analysisOf } from '../knowledge/index.ts';
import { type Prepared, prepareSafely } from './prepare.ts';
import type { RawArticle } from './types.ts';

const WORKER_URL = workerUrl('prepare-worker', import.meta.url);

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
 * reads files and writes SQLite meanwhile. Jobs are posted to a worker as soon as they come (to the
 * one with the fewest), so each worker always has its next batch at hand: handing it over only when
 * the last was returned waited on the main thread, which is busy reading and writing, and left the
 * workers idle a third of a run. A worker that dies is not replaced: its jobs and the rest are
 * prepared on the main thread, so the run still completes.
 */
export class PreparePool {
  private readonly queues = new Map<Worker, Job[]>();
  private nextId = 1;

  constructor(size = Math.max(1, Math.min(2, availableParallelism()))) {
    for (let i = 0; i < size; i++) this.queues.set(this.spawn(), []);
  }

  private spawn(): Worker {
    // A larger young generation, as in the parse pool: cleaning and analysis make many short-lived
    // strings, and with the default size the scavenger takes a large share of the worker's time.
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.on('message', (msg: { id: number; prepared: Prepared[] }) => {
      const queue = this.queues.get(worker);
      // A worker answers its jobs in the order it got them.
      if (queue?.[0]?.id !== msg.id) return;
      queue.shift()!.resolve(msg.prepared);
    });
    const lost = () => {
      const queue = this.queues.get(worker);
      if (!queue) return;
      this.queues.delete(worker);
      for (const job of queue) job.resolve(prepareHere(job));
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  prepare(raws: RawArticle[], analyse = false): Promise<Prepared[]> {
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, raws, analyse, resolve };
      const [worker, queue] = [...this.queues].sort((a, b) => a[1].length - b[1].length)[0] ?? [];
      if (!worker || !queue) return resolve(prepareHere(job));
      queue.push(job);
      worker.postMessage({ id: job.id, raws, analyse });
    });
  }

  async close(): Promise<void> {
    const workers = [...this.queues.keys()];
    this.queues.clear();
    for (const w of workers) w.removeAllListeners();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
