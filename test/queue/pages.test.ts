import type { ServerResponse } from 'node:http';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/index.ts';
import { FeedServer } from '../ingest/feeds/feed-server.ts';
import { DiscordStandIn, IDS } from '../support/discord-server.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { WorkerProcesses, workerEnv } from '../support/worker-process.ts';

const log = pino({ level: 'silent' });
/** Each test posts to a server of its own: a fresh store numbers its articles (and item nonces) from 1. */
const SERVERS = [
  { tenant: `discord:${IDS.guild}`, channel: IDS.channel },
  { tenant: `discord:${IDS.guildB}`, channel: IDS.channelB },
] as const;

/** A page's article: its own sentence, repeated as a long article's paragraphs are. */
const page = (title: string, sentence: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav>Home | Coast | Weather</nav>
<article><h1>${title}</h1>${`<p>${sentence}</p>`.repeat(8)}</article><footer>Harbour Gazette</footer></body></html>`;
const PAGES: Record<string, { title: string; sentence: string }> = {
  lighthouse: {
    title: 'Lighthouse lamp restored',
    sentence:
      'Volunteers from the island trust spent the winter polishing the brass and replacing cracked lenses in the old lamp room.',
  },
  market: {
    title: 'Market hall reopens',
    sentence:
      'Stallholders carried crates of apples and cheese back under the repaired glass roof while the town band played outside.',
  },
};
/** An item that says enough on its own (150 words and more): stored from the feed, no page wanted. */
const LONG_SUMMARY = Array.from(
  { length: 20 },
  (_, i) => `Ferry crossing ${i + 1} ran on time despite the swell.`,
).join(' ');

/** Answers a page request after a moment, counting the requests open at once. */
let open = 0;
let peakOpen = 0;
const slowly = (answer: () => void) => {
  peakOpen = Math.max(peakOpen, ++open);
  setTimeout(() => {
    open--;
    answer();
  }, 300);
};

const item = (title: string, link: string, summary: string) =>
  `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><description>${summary}</description></item>`;
const rss = (res: ServerResponse, items: string) =>
  res
    .writeHead(200, { 'content-type': 'application/rss+xml' })
    .end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Notes</title>${items}</channel></rss>`,
    );
const QUAY = 'Masons rebuilt the quay wall stone by stone after the storm tides had washed out its footing.';

const server = new FeedServer({
  '/feed': (_req, res) =>
    rss(
      res,
      [
        item('Ferry season timetable', server.url('/timetable'), LONG_SUMMARY),
        item(PAGES.lighthouse!.title, server.url('/page/lighthouse'), 'The lamp shines again.'),
        item(PAGES.market!.title, server.url('/page/market'), 'The hall is open.'),
        item('Pier closed for inspection', server.url('/page/pier'), 'Engineers closed the pier for a week.'),
      ].join('\n'),
    ),
  '/quay-feed': (_req, res) =>
    rss(res, item('Quay wall repaired', server.url('/page/quay'), 'The quay is whole.')),
  // The first request is held unanswered: the worker fetching it is killed meanwhile.
  '/page/quay': (_req, res) => {
    if (server.hits.get('/page/quay') === 1) return;
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Quay wall repaired', QUAY));
  },
  ...Object.fromEntries(
    Object.entries(PAGES).map(([slug, { title, sentence }]) => [
      `/page/${slug}`,
      (_req, res: ServerResponse) =>
        slowly(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page(title, sentence))),
    ]),
  ),
  // This page cannot be had: its item is stored from its summary.
  '/page/pier': (_req, res) => slowly(() => res.writeHead(503).end('down for maintenance')),
});

const discord = new DiscordStandIn();
const workers = new WorkerProcesses();
beforeAll(async () => {
  await Promise.all([discord.start(), server.start()]);
});
afterEach(() => workers.killAll());
afterAll(async () => {
  await discord.close();
  await server.stop();
});

const pageHits = () => [...server.hits].filter(([path]) => path.startsWith('/page/')).sort();
const posted = (channel: string) =>
  discord.messages
    .filter((m) => m.channel_id === channel)
    .map((m) => (m.embeds[0] as { title?: string } | undefined)?.title ?? '')
    .sort();

/** A PostgreSQL database (store and queue) where `follower` follows the feed at `feedPath`. */
function queueWith(feedPath: string, follower: (typeof SERVERS)[number]) {
  const url = freshPostgresDatabase('pages');
  const env = workerEnv(url, discord, {
    FETCH_FULL_TEXT: 'true',
    // A poll every 2 s, so that the feed is polled several times while its page jobs wait.
    FEED_POLL_CRON: '*/2 * * * * *',
    // One page at a time on the pages' host, however many page jobs run at once.
    FEED_HOST_CONCURRENCY: '1',
    // A job a worker left active (killed, or stopped while pg-boss was fetching it) goes to another
    // worker after 20 s instead of 15 min (and no page job outlasts it on a busy machine).
    QUEUE_JOB_TIMEOUT_SECONDS: '20',
  });
  const config = loadConfig(env);
  const store = openStore(url);
  const row = store.feeds.add(server.url(feedPath));
  store.subscriptions.add(follower.tenant, row.id, {
    channel: follower.channel,
    mode: 'items',
    origin: 'store',
  });
  store.itemPosts.startMissing(follower.tenant);
  const pageJobs = () =>
    psql(
      url,
      "SELECT count(*) || ':' || string_agg(DISTINCT state::text, ',') FROM newsdesk_queue.job WHERE name = 'pages'",
    );
  const pollOutputs = () =>
    psql(
      url,
      "SELECT output->>'pages' FROM newsdesk_queue.job WHERE name = 'polls' AND state = 'completed' ORDER BY completed_on",
    )
      .split('\n')
      .filter(Boolean);

  // A worker on polls only (and a front end to send them), until it has done two polls more.
  const pollAWhile = async () => {
    const worker = await startWorker({ config, store, log, queues: ['polls'] });
    const before = pollOutputs().length;
    const front = await startJobScheduler({ store, config, log, operatorDigest: false });
    await expect.poll(() => pollOutputs().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 2);
    await front.stop();
    await worker.stop();
    return pollOutputs().slice(before);
  };
  return { url, env, store, pageJobs, pollAWhile };
}

// Waits are for a machine busy with other tests, not assumptions about speed.
describe.skipIf(!postgresAvailable())(
  `page fetches as jobs of their own (PostgreSQL) ${postgresMissing()}`,
  { timeout: 180_000 },
  () => {
    it('polls hand new items that want their page to `pages` jobs, once each; a `newsdesk worker --queues pages` fetches each page once and stores the full text, or the summary when the page fails', async () => {
      const { env, store, pageJobs, pollAWhile } = queueWith('/feed', SERVERS[0]);
      const first = await pollAWhile();
      expect(first.every((pages) => pages === '3')).toBe(true);
      expect(pageJobs()).toBe('3:created');
      expect(pageHits()).toEqual([]);
      expect(store.articles.list().map((a) => a.title)).toEqual(['Ferry season timetable']);
      expect(posted(IDS.channel)).toEqual(['Ferry season timetable']);

      // A worker on the pages queue alone: each page fetched once, one at a time on its host.
      const pages = workers.start(env, 'pages');
      await expect.poll(pageJobs, { timeout: 90_000 }).toBe('3:completed');
      await expect.poll(() => posted(IDS.channel).length, { timeout: 30_000 }).toBe(4);
      pages.child.kill('SIGTERM');
      expect(await pages.exited).toBe(0);
      expect(pageHits()).toEqual([
        ['/page/lighthouse', 1],
        ['/page/market', 1],
        ['/page/pier', 1],
      ]);
      expect(peakOpen).toBe(1);
      const text = (title: string) => store.articles.list().find((a) => a.title === title)?.text;
      for (const { title, sentence } of Object.values(PAGES)) {
        expect(text(title)).toContain(sentence);
        expect(text(title)).not.toContain('Home | Coast');
      }
      expect(text('Pier closed for inspection')).toBe('Engineers closed the pier for a week.');
      expect(posted(IDS.channel)).toEqual([
        'Ferry season timetable',
        'Lighthouse lamp restored',
        'Market hall reopens',
        'Pier closed for inspection',
      ]);

      // Stored as they are: later polls hand nothing over and fetch no page again.
      const later = await pollAWhile();
      expect(later.every((pages) => pages === '0')).toBe(true);
      expect(pageJobs()).toBe('3:completed');
      expect(pageHits().map(([, hits]) => hits)).toEqual([1, 1, 1]);
      expect(posted(IDS.channel)).toHaveLength(4);
      store.close();
    });

    it("a worker killed mid-page leaves its job to pg-boss's retry: another worker stores the page, posted once", async () => {
      const { url, env, store, pageJobs, pollAWhile } = queueWith('/quay-feed', SERVERS[1]);
      await pollAWhile();
      expect(pageJobs()).toBe('1:created');

      const killed = workers.start(env, 'pages');
      await expect.poll(() => server.hits.get('/page/quay') ?? 0, { timeout: 60_000 }).toBe(1);
      killed.child.kill('SIGKILL');
      expect(await killed.exited).toBe(null);
      expect(store.articles.list().map((a) => a.title)).toEqual([]);

      const other = workers.start(env, 'pages');
      await expect.poll(pageJobs, { timeout: 90_000 }).toBe('1:completed');
      await expect.poll(() => posted(IDS.channelB), { timeout: 30_000 }).toHaveLength(1);
      other.child.kill('SIGTERM');
      expect(await other.exited).toBe(0);
      expect(server.hits.get('/page/quay')).toBeGreaterThanOrEqual(2);
      expect(
        Number(psql(url, "SELECT retry_count FROM newsdesk_queue.job WHERE name = 'pages'")),
      ).toBeGreaterThanOrEqual(1);
      expect(store.articles.list().map((a) => [a.title, a.text.includes(QUAY)])).toEqual([
        ['Quay wall repaired', true],
      ]);
      expect(posted(IDS.channelB)).toHaveLength(1);
      store.close();
    });
  },
);
