import { parentPort } from 'node:worker_threads';
import { lazyAnalyser } from '../lazy-analyser.ts';
import { prepareSafely } from '../prepare.ts';
import type { RawArticle } from '../types.ts';
import type { Encoding } from './decode.ts';
import { parseFeedDocument } from './parse-document.ts';
import { prepareItems } from './prepare-items.ts';
import type { ParsedFeed, ParseRequest } from './types.ts';

/** A document (or a sub-document of a split feed) to parse, or raw articles to prepare. */
export type ParseJob =
  | {
      id: number;
      request: ParseRequest;
      /** Set for a sub-document of a split feed: the encoding detected on the whole document. */
      chunk?: Encoding;
    }
  | { id: number; raws: RawArticle[]; analyse: boolean };

async function parsed(request: ParseRequest, chunk?: Encoding): Promise<ParsedFeed> {
  const feed = await parseFeedDocument(request, chunk);
  const { prepare } = request;
  if (prepare) feed.prepared = prepareItems(feed, prepare, await lazyAnalyser(prepare.analyse));
  return feed;
}

async function prepared(raws: RawArticle[], analyse: boolean) {
  const analyser = await lazyAnalyser(analyse);
  return raws.map((raw) => prepareSafely(raw, analyser));
}

// Runs in a worker thread (see worker-pool.ts): a hostile document can only stall this thread,
// which the pool terminates when the job overruns its time limit.
parentPort?.on('message', async (job: ParseJob) => {
  try {
    const result =
      'raws' in job ? await prepared(job.raws, job.analyse) : await parsed(job.request, job.chunk);
    parentPort?.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({
      id: job.id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
parentPort?.postMessage({ ready: true });
