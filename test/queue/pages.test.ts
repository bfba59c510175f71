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
import { WorkerProcesses } from '../support/worker-process.ts';

const log = pino({ level: 'silent' });
const TENANT = `discord:${IDS.guild}`;

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

const server = new FeedServer({
  '/feed': (_req, res) => {
    const item = (title: string, link: string, summary: string) =>
      `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><description>${summary}</description></item>`;
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Notes</title><link>${server.url('/')}</link>
${item('Ferry season timetable', server.url('/timetable'), LONG_SUMMARY)}
${item(PAGES.lighthouse!.title, server.url('/page/lighthouse'), 'The lamp shines again.')}
${item(PAGES.market!.title, server.url('/page/market'), 'The hall is open.')}
${item('Pier closed for inspection', server.url('/page/pier'), 'Engineers closed the pier for a week.')}
</channel></rss>`,
    );
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
const posted = () =>
  discord.messages.map((m) => (m.embeds[0] as { title?: string } | undefined)?.title ?? '').sort();

// Waits are for a machine busy with other tests, not assumptions about speed.
describe.skipIf(!postgresAvailable())(
  `page fetches as jobs of their own (PostgreSQL) ${postgresMissing()}`,
  { timeout: 180_000 },
  () => {
    it('polls hand new items that want their page to `pages` jobs, once each; a `newsdesk worker --queues pages` fetches each page once and stores the full text, or the summary when the page fails', async () => {
      const url = freshPostgresDatabase('pages');
      const env = {
        DATABASE_URL: url,
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: IDS.application,
        DISCORD_API_URL: discord.apiUrl,
        ALLOW_PRIVATE_FEEDS: 'true',
        FETCH_FULL_TEXT: 'true',
        // A poll every 2 s, so that the feed is polled several times while its page jobs wait.
        FEED_POLL_CRON: '*/2 * * * * *',
        // One page at a time on the pages' host, however many page jobs run at once.
        FEED_HOST_CONCURRENCY: '1',
        LOG_LEVEL: 'warn',
      };
      const config = loadConfig(env);
      const store = openStore(url);
      const row = store.feeds.add(server.url('/feed'));
      store.subscriptions.add(TENANT, row.id, { channel: IDS.channel, mode: 'items', origin: 'store' });
      store.itemPosts.startMissing(TENANT);
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

      // Polls only: the item that says enough is stored and posted; the three others wait as page jobs.
      const pollAWhile = async () => {
        const worker = await startWorker({ config, store, log, queues: ['polls'] });
        const before = pollOutputs().length;
        const front = await startJobScheduler({ store, config, log, operatorDigest: false });
        await expect.poll(() => pollOutputs().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 2);
        await front.stop();
        await worker.stop();
        return pollOutputs().slice(before);
      };
      const first = await pollAWhile();
      expect(first.every((pages) => pages === '3')).toBe(true);
      expect(pageJobs()).toBe('3:created');
      expect(pageHits()).toEqual([]);
      expect(store.articles.list().map((a) => a.title)).toEqual(['Ferry season timetable']);
      expect(posted()).toEqual(['Ferry season timetable']);

      // A worker on the pages queue alone: each page fetched once, one at a time on its host.
      const pages = workers.start(env, 'pages');
      await expect.poll(pageJobs, { timeout: 90_000 }).toBe('3:completed');
      await expect.poll(() => posted().length, { timeout: 30_000 }).toBe(4);
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
      expect(posted()).toEqual([
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
      expect(discord.messages).toHaveLength(4);
      store.close();
    });
  },
);
