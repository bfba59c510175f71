import { parentPort } from 'node:worker_threads';
import type { Encoding } from './decode.ts';
import { parseFeedDocument } from './parse-document.ts';
import type { ParseRequest } from './types.ts';

export interface ParseJob {
  id: number;
  request: ParseRequest;
  /** Set for a sub-document of a split feed: the encoding detected on the whole document. */
  chunk?: Encoding;
}

// Runs in a worker thread (see worker-pool.ts): a hostile document can only stall this thread,
// which the pool terminates when the job overruns its time limit.
parentPort?.on('message', async ({ id, request, chunk }: ParseJob) => {
  try {
    parentPort?.postMessage({ id, ok: true, feed: await parseFeedDocument(request, chunk) });
  } catch (err) {
    parentPort?.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort?.postMessage({ ready: true });
