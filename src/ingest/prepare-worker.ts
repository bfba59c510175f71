import { parentPort } from 'node:worker_threads';
import { lazyAnalyser } from './lazy-analyser.ts';
import { prepareSafely } from './prepare.ts';
import type { RawArticle } from './types.ts';

// Worker side of PreparePool: cleans, dates and fingerprints batches off the main thread.
parentPort?.on('message', async (job: { id: number; raws: RawArticle[]; analyse: boolean }) => {
  const analyse = await lazyAnalyser(job.analyse);
  parentPort?.postMessage({ id: job.id, prepared: job.raws.map((raw) => prepareSafely(raw, analyse)) });
});
