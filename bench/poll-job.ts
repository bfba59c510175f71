import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import type { Reply } from '../src/core/reply.ts';
import type { DeliveryTarget } from '../src/digest/target.ts';
import { pollFeed, pollFeeds, pollNetwork } from '../src/ingest/feeds/poll.ts';
import { parsePool } from '../src/ingest/feeds/worker-pool.ts';
import { log } from '../src/log.ts';
import { notifyChannels } from '../src/notify/index.ts';
import { SqliteEngine } from '../src/store/engine/sqlite.ts';
import type { Engine, Statement } from '../src/store/engine/types.ts';
import { Store } from '../src/store/index.ts';
import { openDatabase } from '../src/store/open.ts';
import { openPostgres } from '../src/store/open-pg.ts';
import { findBinDir, type PostgresServer, startPostgres } from '../test/support/pg-server.ts';
import { rng, SYLLABLES } from './synthetic-corpus.ts';

// npm run bench:poll-job [-- postgres://...]: what one `newsdesk worker` polls job costs (pollFeed,
// as src/queue/handlers.ts runs it) on a PostgreSQL store against the same job on a SQLite file,
// and against the bot's in-process poll of all feeds on SQLite (the baseline of bench:scale).
// FEEDS feeds of ITEMS items each on 127.0.0.1 are stored once; then per job: ms and store round
// trips (statements and transaction steps: one each on PostgreSQL, src/store/engine/pg-bridge.ts)
// of a job with nothing new, of one with NEW new items, and of the notify run that follows a job
// (notifyChannels for the followers of the job's feed, of TENANTS tenants following 3 feeds each,
// item by item) with and without anything to post, and of a notify run over all tenants. Without
// a URL (argument or DATABASE_URL) it starts a throw-away cluster.

const FEEDS = Number(process.env.BENCH_FEEDS ?? 200);
const ITEMS = 20;
const NEW = 5;
const JOBS = Number(process.env.BENCH_JOBS ?? 40);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 300);

/** Counts what the store asks of its database: on PostgreSQL each is a round trip. */
class CountingEngine implements Engine {
  calls = 0;
  constructor(private readonly inner: Engine) {}
  get dialect() {
    return this.inner.dialect;
  }
  get inTransaction() {
    return this.inner.inTransaction;
  }
  prepare(sql: string): Statement {
    const s = this.inner.prepare(sql);
    const count = () => this.calls++;
    const wrapped: Statement = {
      reader: s.reader,
      run(...p) {
        count();
        return s.run(...p);
      },
      get(...p) {
        count();
        return s.get(...p);
      },
      all(...p) {
        count();
        return s.all(...p);
      },
      pluck(toggle = true) {
        s.pluck(toggle);
        return this;
      },
    };
    return wrapped;
  }
  exec(sql: string): void {
    this.calls++;
    this.inner.exec(sql);
  }
  transaction<T>(fn: () => T): T {
    // BEGIN (with the write lock) or a savepoint, then COMMIT or its release.
    this.calls += 2;
    return this.inner.transaction(fn);
  }
  close(): void {
    this.inner.close();
  }
}

/** Feeds on 127.0.0.1: ITEMS items each, their text made up of syllables, new ones on demand. */
class Feeds {
  private readonly rand = rng(11);
  private readonly words = Array.from({ length: 3000 }, () => {
    const n = 1 + Math.floor(this.rand() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(this.rand() * SYLLABLES.length)]).join('');
  });
  private readonly items = new Map<number, { n: number; title: string; text: string }[]>();
  private readonly server: Server;
  private counter = 0;

  private sentence(n: number): string {
    return Array.from({ length: n }, () => this.words[Math.floor(this.rand() * this.words.length)]).join(' ');
  }

  publish(feed: number, count: number): void {
    const list = this.items.get(feed) ?? [];
    for (let i = 0; i < count; i++)
      list.unshift({ n: ++this.counter, title: this.sentence(8), text: `${this.sentence(120)}.` });
    this.items.set(feed, list.slice(0, ITEMS));
  }

  url(feed: number): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/feed/${feed}`;
  }

  constructor() {
    this.server = createServer((req, res) => {
      const feed = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1]);
      const items = this.items.get(feed) ?? [];
      const body = items
        .map(
          (it) =>
            `<item><title>${it.title}</title><link>${this.url(feed)}/${it.n}</link><guid>${it.n}</guid>` +
            `<pubDate>${new Date(Date.UTC(2026, 0, 1) + it.n * 60_000).toUTCString()}</pubDate>` +
            `<description>${it.text}</description></item>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${feed}</title>${body}</channel></rss>`,
      );
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return this;
  }

  stop(): void {
    this.server.close();
  }
}

/** A channel that takes every message: what notify sends is counted, not posted. */
const standIn = (channel: string, sent: { n: number }): DeliveryTarget => ({
  platform: 'discord',
  destination: channel,
  async send(_message: Reply) {
    return { messageId: String(++sent.n) };
  },
  async findPosted() {
    return null;
  },
});

interface Figures {
  ms: number;
  calls: number;
}

async function measure(engine: CountingEngine, runs: number, run: (i: number) => Promise<unknown>) {
  const calls = engine.calls;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await run(i);
  return { ms: (performance.now() - started) / runs, calls: (engine.calls - calls) / runs };
}

async function benchEngine(name: string, engine: CountingEngine, feeds: Feeds) {
  const config = loadConfig({ ALLOW_PRIVATE_FEEDS: 'true', LOG_LEVEL: 'silent', FETCH_FULL_TEXT: 'false' });
  const store = new Store(name, engine);
  const network = pollNetwork(config);
  const ids = Array.from({ length: FEEDS }, (_, i) => store.feeds.add(feeds.url(i), null).id);
  const job = (i: number) => pollFeed(store, config, ids[i]!, { nextRun: null, network });
  const sent = { n: 0 };
  const subs: [string, number][] = [];
  for (let t = 0; t < TENANTS; t++) {
    const tenant = `discord:${500 + t}`;
    for (const f of [t % FEEDS, (7 * t + 1) % FEEDS, (13 * t + 2) % FEEDS]) {
      const sub = store.subscriptions.add(tenant, ids[f]!, {
        channel: `c${t}`,
        mode: 'items',
        origin: 'store',
      });
      subs.push([tenant, sub.id]);
    }
  }
  const seeded = performance.now();
  await pollFeeds(store, config, { force: true });
  const seedS = (performance.now() - seeded) / 1000;
  // Item posts start after the backlog, as /feeds add starts them.
  for (const [tenant, id] of subs) store.itemPosts.follow(tenant, id, 'items');
  const notify = (feeds?: number[]) =>
    notifyChannels(store, config, {
      targets: (_t, c) => standIn(c, sent),
      log,
      now: () => new Date(),
      feeds,
    });
  const r: Record<string, Figures> = {};
  r['bot: pollFeeds, per feed'] = await measure(engine, 1, () => pollFeeds(store, config, { force: true }));
  r['bot: pollFeeds, per feed'].ms /= FEEDS;
  r['bot: pollFeeds, per feed'].calls /= FEEDS;
  r['polls job, nothing new'] = await measure(engine, JOBS, job);
  for (let i = 0; i < JOBS; i++) feeds.publish(JOBS + i, NEW);
  r[`polls job, ${NEW} new`] = await measure(engine, JOBS, (i) => job(JOBS + i));
  // The worker's run after a job: the followers of the job's feed (handlers.ts notifier).
  r['notify after a job, new items'] = await measure(engine, JOBS, (i) => notify([ids[JOBS + i]!]));
  r['notify after a job, none'] = await measure(engine, JOBS, (i) => notify([ids[i]!]));
  r['notify, all tenants, none'] = await measure(engine, 1, () => notify());
  const articles = store.articles.count();
  store.close();
  return { figures: r, seedS, articles, posted: sent.n };
}

async function main(): Promise<void> {
  log.level = 'error';
  const feeds = await new Feeds().start();
  for (let f = 0; f < FEEDS; f++) feeds.publish(f, ITEMS);
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-poll-job-'));
  let server: PostgresServer | undefined;
  try {
    let url = process.argv[2] ?? process.env.DATABASE_URL;
    if (!url) {
      const binDir = findBinDir();
      if (binDir) {
        server = await startPostgres(binDir);
        url = `postgres://${server.user}@${server.host}:${server.port}/postgres`;
      }
    }
    const results: [string, Awaited<ReturnType<typeof benchEngine>>][] = [];
    const sqlite = new CountingEngine(new SqliteEngine(openDatabase(join(dir, 'bench.db'))));
    results.push(['sqlite', await benchEngine('sqlite', sqlite, feeds)]);
    for (let f = 0; f < FEEDS; f++) feeds.publish(f, ITEMS);
    if (url)
      results.push(['postgres', await benchEngine('postgres', new CountingEngine(openPostgres(url)), feeds)]);
    else console.log('no PostgreSQL (argument, DATABASE_URL or server programs): SQLite only');
    console.log(`${FEEDS} feeds x ${ITEMS} items, ${TENANTS} tenants x 3 feeds (items mode); per job / run:`);
    const [, base] = results[0]!;
    for (const [engine, res] of results) {
      console.log(
        `${engine}: ${res.articles} articles stored (first poll ${res.seedS.toFixed(1)} s), ${res.posted} item posts`,
      );
      for (const [label, f] of Object.entries(res.figures)) {
        const ratio = f.ms / base.figures[label]!.ms;
        console.log(
          `  ${label.padEnd(28)} ${f.ms.toFixed(1).padStart(8)} ms  ${f.calls.toFixed(1).padStart(8)} round trips` +
            (engine === 'sqlite' ? '' : `   x${ratio.toFixed(1)} sqlite`),
        );
      }
    }
    const pgJob = results[1]?.[1].figures['polls job, nothing new'];
    const bot = base.figures['bot: pollFeeds, per feed']!;
    if (pgJob)
      console.log(
        `postgres polls job (nothing new) / bot's per-feed poll on sqlite: x${(pgJob.ms / bot.ms).toFixed(1)}`,
      );
  } finally {
    feeds.stop();
    await parsePool().close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
