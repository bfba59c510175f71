import { parentPort } from 'node:worker_threads';
import { parseFeedDocument } from './parse-document.ts';
import type { ParseRequest } from './types.ts';

export interface ParseJob {
  id: number;
  request: ParseRequest;
}

// Runs in a worker thread (see worker-pool.ts): a hostile document can only stall this thread,
// which the pool terminates when the job overruns its time limit.
parentPort?.on('message', async ({ id, request }: ParseJob) => {
  try {
    parentPort?.postMessage({ id, ok: true, feed: await parseFeedDocument(request) });
  } catch (err) {
    parentPort?.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort?.postMessage({ ready: true });
