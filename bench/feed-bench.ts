// Feed half of the ingest benchmark: rss-parser's parseString alone against our pipeline on the
// same XML, stage by stage, for two feed shapes (article HTML in CDATA, and entity-escaped as the
// Guardian and feedburner publish it).
// Run alone: node --import tsx bench/feed-bench.ts [items]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Parser from 'rss-parser';
import { loadConfig } from '../src/config.ts';
import { parseFeed } from '../src/ingest/feeds/parse-feed.ts';
import { storeFeedDocument } from '../src/ingest/feeds/poll.ts';
import { parsePool } from '../src/ingest/feeds/worker-pool.ts';
import { emptyReport } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { type GeneratedFormat, generatedFeed } from './feed-generator.ts';

const RUNS = 3;
const FEEDS: [GeneratedFormat, string][] = [
  ['rss', 'RSS 2.0, article HTML in CDATA'],
  ['rss-escaped', 'RSS 2.0, article HTML entity-escaped (Guardian/feedburner style)'],
];

export interface StageFigures {
  /** Median of the runs, then the fastest. */
  ms: number;
  bestMs: number;
  /** CPU time of all threads per run. */
  cpuMs: number;
  ratio: number;
}

export interface FeedShapeResult {
  format: GeneratedFormat;
  items: number;
  megabytes: number;
  parseAlone: StageFigures;
  parseStage: StageFigures;
  parsePrepare: StageFigures;
  pipeline: StageFigures;
  stored: string;
}

export interface FeedBenchResult {
  feeds: FeedShapeResult[];
  peakRssMb: number;
}

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; bestMs: number; cpuMs: number }> {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  // CPU time of all threads (workers included), per run: the steadier figure on a shared machine.
  const cpuMs = (used.user + used.system) / 1000 / RUNS;
  return { ms: times[Math.floor(RUNS / 2)] as number, bestMs: times[0] as number, cpuMs };
}

async function benchShape(format: GeneratedFormat, items: number, dir: string): Promise<FeedShapeResult> {
  const xml = generatedFeed(format, items);
  const bytes = Buffer.from(xml);
  const megabytes = bytes.length / 1024 / 1024;
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const prepare = { feedId: 1, feedTitle: null, fullText: config.FETCH_FULL_TEXT };
  let stored = '';
  let run = 0;

  // rss-parser is handed the decoded string (it takes no bytes); our stages start from the bytes.
  const alone = await timed(() => new Parser().parseString(xml));
  const parseStage = await timed(() => parseFeed(bytes, {}));
  const parsePrepare = await timed(() => parseFeed(bytes, { prepare }));
  const pipeline = await timed(async () => {
    const store = openStore(join(dir, `bench-${format}-${run++}.db`));
    // As a poll stores a fetched feed, into a fresh store; knowledge indexing is left out here as in
    // the corpus benchmark (bench/query.ts measures it).
    const report = emptyReport();
    await storeFeedDocument(store, config, { id: 1, title: null }, { body: bytes }, report, {
      index: false,
    });
    stored = `${report.new} new, ${report.duplicates} near-duplicates`;
    store.close();
  });
  const figures = (t: Omit<StageFigures, 'ratio'>): StageFigures => ({ ...t, ratio: t.ms / alone.ms });
  return {
    format,
    items,
    megabytes,
    parseAlone: figures(alone),
    parseStage: figures(parseStage),
    parsePrepare: figures(parsePrepare),
    pipeline: figures(pipeline),
    stored,
  };
}

function report(r: FeedShapeResult, label: string, log: (line: string) => void): void {
  log(`feed: ${label}: ${r.items} items, ${r.megabytes.toFixed(1)} MB (${r.stored} stored)`);
  const line = (name: string, s: StageFigures) => {
    const rate = `${(r.megabytes / (s.ms / 1000)).toFixed(1)} MB/s, ${Math.round(r.items / (s.ms / 1000))} items/s`;
    log(
      `  ${name.padEnd(62)} ${s.ms.toFixed(0).padStart(6)} ms (best ${s.bestMs.toFixed(0)}, CPU ${s.cpuMs.toFixed(0)}), ${rate}, ${s.ratio.toFixed(2)}x`,
    );
  };
  line('rss-parser parseString alone (1 thread, from a string)', r.parseAlone);
  line('our parse stage: decode+repair+parse+text (2 workers)', r.parseStage);
  line('our parse + prepare: clean, dated, fingerprinted articles', r.parsePrepare);
  line('our whole pipeline to stored articles (+ SQLite/FTS5 insert)', r.pipeline);
}

/** Times rss-parser alone and each stage of our pipeline on the same XML, for two feed shapes. */
export async function runFeedBench(
  items = 5000,
  log: (line: string) => void = console.log,
): Promise<FeedBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-bench-'));
  try {
    // Warm up (JIT, both workers started and their modules loaded): a feed large enough to be split.
    await new Parser().parseString(generatedFeed('rss', 100));
    await parseFeed(Buffer.from(generatedFeed('rss-escaped', 800)), {
      prepare: { feedId: 1, feedTitle: null, fullText: false },
    });
    log(
      `feed benchmark: median of ${RUNS} runs; ratios are each stage's time / rss-parser alone (target <= 1.5x for the parse stage)`,
    );
    const feeds: FeedShapeResult[] = [];
    for (const [format, label] of FEEDS) {
      const result = await benchShape(format, items, dir);
      report(result, label, log);
      feeds.push(result);
    }
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    log(`  peak RSS ${peakRssMb.toFixed(0)} MB`);
    return { feeds, peakRssMb };
  } finally {
    await parsePool().close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  loadConfig();
  await runFeedBench(Number(process.argv[2] ?? 5000));
}
