import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../../src/config.ts';
import { UserError } from '../../../src/core/errors.ts';
import {
  addFeed,
  listFeeds,
  pollFeeds,
  removeFeed,
  startFeedPolling,
} from '../../../src/ingest/feeds/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { useTempDirs } from '../../support/temp.ts';
import { FeedServer, serve } from './feed-server.ts';
import { atomBadEntries, atomFeed, cyrillicFeed, rdfFeed, rss2ContentEncoded } from './fixtures.ts';

const PAGE = `<!doctype html><html><head><title>Harbour talks</title><meta charset="utf-8"></head><body>
<nav>Home | World | Sport</nav><article><h1>Harbour talks resume</h1>
${'<p>Negotiators from both delegations returned to the harbour office on Monday to continue work on the draft.</p>'.repeat(8)}
</article><footer>Copyright Example Gazette</footer></body></html>`;
const SHORT_ITEMS = `<rss version="2.0"><channel><title>Brief Wire</title>
<item><title>Harbour talks resume</title><link>LINK</link><description>Talks resumed.</description></item>
</channel></rss>`;

const tempDir = useTempDirs('newsdesk-feeds-');
let server: FeedServer;
let version = 1;
let summaryEdit = '';

beforeAll(async () => {
  server = await new FeedServer({
    '/rss': serve(rss2ContentEncoded),
    '/atom': serve(atomFeed, { 'content-type': 'application/atom+xml' }),
    '/rdf': serve(rdfFeed, { 'content-type': 'application/rdf+xml' }),
    '/cyrillic': serve(iconv.encode(cyrillicFeed, 'windows-1251'), { 'content-type': 'application/rss+xml' }),
    '/mixed': serve(atomBadEntries, { 'content-type': 'application/atom+xml' }),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === `"v${version}"`) return res.writeHead(304).end();
      res
        .writeHead(200, { etag: `"v${version}"`, 'content-type': 'application/rss+xml' })
        .end(rss2ContentEncoded);
    },
    '/broken': (_req, res) => res.writeHead(500).end('oops'),
    '/html': serve('<!doctype html><html><body><p>Not a feed</p></body></html>', {
      'content-type': 'text/html',
    }),
    '/short': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(SHORT_ITEMS.replace('LINK', server.url('/story')).replace('resumed.', `resumed${summaryEdit}.`)),
    '/story': serve(PAGE, { 'content-type': 'text/html; charset=utf-8' }),
    '/slow': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rdfFeed), 1_500);
    },
  }).start();
});
afterAll(() => server.stop());

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function setup(env: Record<string, string> = {}): { store: Store; config: Config } {
  const store = openStore(join(tempDir(), 'store.db'));
  stores.push(store);
  const config = loadConfig({
    ALLOW_PRIVATE_FEEDS: 'true',
    FETCH_FULL_TEXT: 'false',
    FEED_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return { store, config };
}

describe('feed subscriptions', () => {
  it('adds a feed after fetching and parsing it, and lists it with its title', async () => {
    const { store, config } = setup();
    const feed = await addFeed(store, config, 'operator', server.url('/atom'));
    expect(feed).toMatchObject({
      url: server.url('/atom'),
      title: 'Northern Ledger — Diplomacy',
      origin: 'store',
    });
    expect(listFeeds(store, config, 'operator').map((f) => f.url)).toEqual([server.url('/atom')]);
  });

  it('follows a feed another server polled within the poll period without fetching it again', async () => {
    const { store, config } = setup({ FEED_POLL_CRON: '*/15 * * * *' });
    const url = server.url('/atom?fresh');
    const first = await addFeed(store, config, 'discord:100', url);
    const fetched = server.hits.get('/atom') ?? 0;
    const second = await addFeed(store, config, 'discord:200', url);
    expect(server.hits.get('/atom') ?? 0).toBe(fetched);
    expect(second).toMatchObject({ feedId: first.feedId, url, title: first.title });
    // The second server's backlog is the stored items, marked reported as if it had fetched them.
    expect(second.backlog).toBeGreaterThan(0);
    expect(second.backlog).toBe(first.backlog);

    // A feed whose last poll failed is fetched again: the server gets the feed's state as it is now.
    store.feeds.recordFailure(first.feedId, 'HTTP 500', new Date().toISOString(), new Date().toISOString());
    await addFeed(store, config, 'discord:300', url);
    expect(server.hits.get('/atom')).toBe(fetched + 1);
  });

  it('refuses to add unreachable, private, non-feed and malformed URLs with a clear reason', async () => {
    const { store, config } = setup();
    await expect(addFeed(store, config, 'operator', server.url('/html'))).rejects.toThrow(
      /not a readable feed: not an RSS or Atom feed/,
    );
    await expect(addFeed(store, config, 'operator', server.url('/broken'))).rejects.toThrow(
      /cannot fetch .*HTTP 500/,
    );
    await expect(addFeed(store, config, 'operator', 'http://169.254.169.254/latest/')).rejects.toThrow(
      /linkLocal/,
    );
    await expect(addFeed(store, config, 'operator', 'javascript:alert(1)')).rejects.toThrow(UserError);
    const closed = setup({ ALLOW_PRIVATE_FEEDS: 'false' });
    await expect(addFeed(closed.store, closed.config, 'operator', server.url('/rss'))).rejects.toThrow(
      /cannot follow .*loopback address/,
    );
    expect(listFeeds(store, config, 'operator')).toEqual([]);
  });

  it('merges FEEDS from the configuration (origin env) with stored feeds, and removes by id or URL', async () => {
    const { store, config } = setup({ FEEDS: `${server.url('/rss')}, ${server.url('/rdf')}` });
    await addFeed(store, config, 'operator', server.url('/atom'));
    const feeds = listFeeds(store, config, 'operator');
    expect(feeds.map((f) => [f.url, f.origin]).sort()).toEqual([
      [server.url('/atom'), 'store'],
      [server.url('/rdf'), 'env'],
      [server.url('/rss'), 'env'],
    ]);
    expect(() => removeFeed(store, 'operator', String(feeds.find((f) => f.origin === 'env')?.id))).toThrow(
      /comes from the FEEDS setting/,
    );
    expect(removeFeed(store, 'operator', server.url('/atom'))).toBe(true);
    expect(removeFeed(store, 'operator', server.url('/atom'))).toBe(false);
    expect(removeFeed(store, 'operator', '999')).toBe(false);
  });
});

describe('pollFeeds', () => {
  it('stores the items of RSS 2.0, Atom, RSS 1.0 and windows-1251 feeds as articles', async () => {
    const { store, config } = setup({
      FEEDS: ['/rss', '/atom', '/rdf', '/cyrillic'].map((p) => server.url(p)).join(','),
    });
    const report = await pollFeeds(store, config);
    expect(report.failed).toEqual([]);
    expect(report.new).toBe(6);
    const titles = store.articles.list().map((a) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Ministers agree to resume grain corridor talks',
        'Envoys trade drafts ahead of summit',
        'Talks adjourned until Monday',
        'Переговоры продолжатся в понедельник',
      ]),
    );
    const grain = store.articles.list().find((a) => a.title.startsWith('Ministers'));
    expect(grain).toMatchObject({ kind: 'feed', source: 'The Harbour Gazette - World', dateSource: 'feed' });
    expect(grain?.published).toBe('2025-11-20T14:05:00.000Z');
    expect(grain?.text).toContain('The next round is expected in early December');
    expect(grain?.text).not.toContain('trackReader');
    expect(grain?.canonicalUrl).toBe('https://gazette.example.org/world/2025/nov/20/grain-corridor-talks');
    expect(listFeeds(store, config, 'operator').every((f) => f.lastSuccess && !f.lastError)).toBe(true);
  });

  it('fetches each feed once when two polls are asked for at once, and leaves it until the next scheduled run', async () => {
    const { store, config } = setup({ FEEDS: server.url('/slow?twice'), FEED_POLL_CRON: '*/10 * * * *' });
    const before = server.hits.get('/slow') ?? 0;
    // The scheduled poll and a digest's ingest, started together on one store.
    const [first, second] = await Promise.all([pollFeeds(store, config), pollFeeds(store, config)]);
    expect(server.hits.get('/slow')).toBe(before + 1);
    expect([first.feeds.polled, second.feeds.polled].sort()).toEqual([0, 1]);
    const [feed] = listFeeds(store, config, 'operator');
    const next = Date.parse(feed?.nextPoll ?? '');
    // Due at FEED_POLL_CRON's next run (within ten minutes), not at once.
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(new Date(next).getUTCMinutes() % 10).toBe(0);
    expect((await pollFeeds(store, config)).feeds.polled).toBe(0);
  });

  it('stores nothing twice when polled again', async () => {
    const { store, config } = setup({ FEEDS: server.url('/rss') });
    await pollFeeds(store, config);
    const again = await pollFeeds(store, config, { force: true });
    expect(again.new).toBe(0);
    expect(again.unchanged).toBe(2);
    expect(store.articles.count()).toBe(2);
  });

  it('sends the stored ETag and treats 304 Not Modified as a healthy poll', async () => {
    const { store, config } = setup({ FEEDS: server.url('/etag') });
    version = 1;
    expect((await pollFeeds(store, config)).new).toBe(2);
    const second = await pollFeeds(store, config, { force: true });
    expect(second).toMatchObject({ new: 0, unchanged: 0, failed: [] });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(listFeeds(store, config, 'operator')[0]).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
    });
  });

  it('keeps the good entries of a feed with bad ones', async () => {
    const { store, config } = setup({ FEEDS: server.url('/mixed') });
    const report = await pollFeeds(store, config);
    expect(report.failed).toEqual([]);
    expect(
      store.articles
        .list()
        .map((a) => a.title)
        .sort(),
    ).toEqual(['Bad date', 'Bare link', 'Good one', 'Good two']);
  });

  it('records a failing feed, backs it off, and still polls the others', async () => {
    const { store, config } = setup({ FEEDS: `${server.url('/broken')},${server.url('/rdf')}` });
    const report = await pollFeeds(store, config);
    expect(report.failed).toEqual([
      { path: server.url('/broken'), error: expect.stringMatching(/HTTP 500/) },
    ]);
    expect(report.new).toBe(1);
    const broken = listFeeds(store, config, 'operator').find((f) => f.url.endsWith('/broken'));
    expect(broken).toMatchObject({ consecutiveFailures: 1, lastSuccess: null });
    expect(Date.parse(broken?.nextPoll ?? '')).toBeGreaterThan(Date.now());
    // Not due again until its back-off has passed; a forced poll tries it and doubles the wait.
    expect((await pollFeeds(store, config)).failed).toEqual([]);
    await pollFeeds(store, config, { force: true });
    const after = listFeeds(store, config, 'operator').find((f) => f.url.endsWith('/broken'));
    expect(after?.consecutiveFailures).toBe(2);
    expect(Date.parse(after?.nextPoll ?? '')).toBeGreaterThan(Date.parse(broken?.nextPoll ?? ''));
  });

  it('fetches the linked page for an item that carries only a short summary', async () => {
    const { store, config } = setup({ FEEDS: server.url('/short'), FETCH_FULL_TEXT: 'true' });
    await pollFeeds(store, config);
    const [article] = store.articles.list();
    expect(article?.text).toContain('Negotiators from both delegations returned to the harbour office');
    expect(article?.text).not.toContain('Home | World');
    expect(server.hits.get('/story')).toBe(1);
    await pollFeeds(store, config, { force: true });
    expect(server.hits.get('/story')).toBe(1);
  });

  it('fetches the page again when a stored item changes, so the update keeps the full text', async () => {
    const { store, config } = setup({ FEEDS: server.url('/short'), FETCH_FULL_TEXT: 'true' });
    const before = server.hits.get('/story') ?? 0;
    await pollFeeds(store, config);
    summaryEdit = ' on Monday';
    try {
      const report = await pollFeeds(store, config, { force: true });
      expect(report.updated + report.unchanged).toBe(1);
    } finally {
      summaryEdit = '';
    }
    expect(server.hits.get('/story')).toBe(before + 2);
    const [article] = store.articles.list();
    expect(article?.text).toContain('Negotiators from both delegations returned to the harbour office');
  });
});

describe('startFeedPolling', () => {
  it('rejects an invalid schedule and stops cleanly', async () => {
    const { store, config } = setup();
    expect(() => startFeedPolling(store, { ...config, FEED_POLL_CRON: 'every now and then' })).toThrow(
      /FEED_POLL_CRON/,
    );
    const polling = startFeedPolling(store, config);
    await expect(polling.stop()).resolves.toBeUndefined();
  });

  it('waits for the poll in flight when stopped', async () => {
    const { store, config } = setup({ FEEDS: server.url('/slow'), FEED_POLL_CRON: '* * * * * *' });
    const polling = startFeedPolling(store, config);
    await expect
      .poll(() => server.hits.get('/slow') ?? 0, { timeout: 20_000, interval: 50 })
      .toBeGreaterThan(0);
    await polling.stop();
    expect(listFeeds(store, config, 'operator')[0]?.lastSuccess).toEqual(expect.any(String));
    expect(store.articles.count()).toBe(1);
  });

  it('polls once at start, then on its schedule', async () => {
    const { store, config } = setup({ FEEDS: server.url('/rdf'), FEED_POLL_CRON: '* * * * * *' });
    const before = server.hits.get('/rdf') ?? 0;
    const polling = startFeedPolling(store, config);
    try {
      await expect.poll(() => store.articles.count(), { timeout: 20_000, interval: 200 }).toBe(1);
      await expect
        .poll(() => server.hits.get('/rdf') ?? 0, { timeout: 20_000, interval: 200 })
        .toBeGreaterThan(before + 1);
    } finally {
      await polling.stop();
    }
  });
});
