// Feed half of the ingest benchmark: one large generated feed through our pipeline (decode, worker
// parse, text, saveArticles into a fresh store) against rss-parser's parseString alone on the same XML.
// Run alone: node --import tsx bench/feed-bench.ts [items]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Parser from 'rss-parser';
import { loadConfig } from '../src/config.ts';
import { itemToRaw } from '../src/ingest/feeds/item-to-raw.ts';
import { parseFeed } from '../src/ingest/feeds/parse-feed.ts';
import { parsePool } from '../src/ingest/feeds/worker-pool.ts';
import { PreparePool } from '../src/ingest/prepare-pool.ts';
import { saveArticles } from '../src/ingest/save.ts';
import { openStore } from '../src/store/index.ts';
import { generatedFeed } from './feed-generator.ts';

const generateFeed = (items: number) => generatedFeed('rss', items);

export interface FeedBenchResult {
  items: number;
  megabytes: number;
  parseAloneMs: number;
  pipelineMs: number;
  parseStageMs: number;
  prepareStageMs: number;
  saveStageMs: number;
  ratio: number;
  peakRssMb: number;
}

const mbps = (mb: number, ms: number) => (mb / (ms / 1000)).toFixed(1);

/** Times both paths on the same XML and prints MB/s, items/s, the ratio and peak RSS. */
export async function runFeedBench(
  items = 5000,
  log: (line: string) => void = console.log,
): Promise<FeedBenchResult> {
  const xml = generateFeed(items);
  const bytes = Buffer.from(xml);
  const megabytes = bytes.length / 1024 / 1024;
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-bench-'));
  try {
    // Warm both paths once on a small feed (JIT, worker start-up) so that the timings compare like with like.
    await new Parser().parseString(generateFeed(50));
    await parseFeed(Buffer.from(generateFeed(50)), {});

    let started = performance.now();
    const alone = await new Parser().parseString(xml);
    const parseAloneMs = performance.now() - started;

    const store = openStore(join(dir, 'bench.db'));
    started = performance.now();
    const feed = await parseFeed(bytes, { timeoutMs: 600_000 });
    const parseStageMs = performance.now() - started;
    const raws = feed.items.map((item) => itemToRaw(item, { id: 1, title: feed.title }));
    // Cleaning runs in the ingester's prepare workers, as for a corpus; knowledge indexing is left out
    // here as in the corpus benchmark (bench/query.ts measures it).
    const pool = new PreparePool();
    const prepared = (
      await Promise.all(
        Array.from({ length: Math.ceil(raws.length / 250) }, (_, i) =>
          pool.prepare(raws.slice(i * 250, i * 250 + 250)),
        ),
      )
    ).flat();
    await pool.close();
    const prepareStageMs = performance.now() - started - parseStageMs;
    const saved = saveArticles(store, raws, { prepared, index: false });
    const pipelineMs = performance.now() - started;
    store.close();

    const result: FeedBenchResult = {
      items,
      megabytes,
      parseAloneMs,
      pipelineMs,
      parseStageMs,
      prepareStageMs,
      saveStageMs: pipelineMs - parseStageMs - prepareStageMs,
      ratio: pipelineMs / parseAloneMs,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    log(
      `feed: ${items} items, ${megabytes.toFixed(1)} MB of RSS XML (${alone.items.length} parsed alone, ${saved.new} stored)`,
    );
    log(
      `  rss-parser parseString alone: ${parseAloneMs.toFixed(0)} ms, ${mbps(megabytes, parseAloneMs)} MB/s, ${Math.round(items / (parseAloneMs / 1000))} items/s`,
    );
    log(
      `  our pipeline (decode + worker parse + text + prepare + save, no knowledge indexing): ${pipelineMs.toFixed(0)} ms, ${mbps(megabytes, pipelineMs)} MB/s, ${Math.round(items / (pipelineMs / 1000))} items/s`,
    );
    log(
      `    parse stage ${parseStageMs.toFixed(0)} ms, prepare (clean) ${prepareStageMs.toFixed(0)} ms, saveArticles ${result.saveStageMs.toFixed(0)} ms`,
    );
    log(
      `  ratio pipeline / parse alone: ${result.ratio.toFixed(2)}x (target <= 1.5x); peak RSS ${result.peakRssMb.toFixed(0)} MB`,
    );
    return result;
  } finally {
    await parsePool().close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  loadConfig();
  await runFeedBench(Number(process.argv[2] ?? 5000));
}
