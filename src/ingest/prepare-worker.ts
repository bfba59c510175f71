import { parentPort } from 'node:worker_threads';
import { prepareSafely } from './prepare.ts';
import type { RawArticle } from './types.ts';

// Worker side of PreparePool: cleans, dates and fingerprints batches off the main thread.
parentPort?.on('message', (job: { id: number; raws: RawArticle[]; analyse: boolean }) => {
  parentPort?.postMessage({ id: job.id, prepared: job.raws.map((raw) => prepareSafely(raw, job.analyse)) });
});
