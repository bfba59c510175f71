import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { type PageItem, storePageItem } from '../../../src/ingest/feeds/page-items.ts';
import { pollFeed, pollNetwork } from '../../../src/ingest/feeds/poll.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { OPERATOR_TENANT_ID } from '../../../src/store/tenants.ts';
import { useTempDirs } from '../../support/temp.ts';
import { FeedServer, serve } from './feed-server.ts';

const page = (sentence: string) =>
  `<!doctype html><html><body><article>${`<p>${sentence}</p>`.repeat(8)}</article></body></html>`;
const LONG_SUMMARY = Array.from({ length: 30 }, (_, i) => `Tram line ${i + 1} kept to its timetable.`).join(
  ' ',
);

let server: FeedServer;
const feedOf = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>City Desk</title>
<item><title>Tram timetable</title><link>${server.url('/trams')}</link><description>${LONG_SUMMARY}</description></item>
<item><title>Library extension</title><link>${server.url('/page/library')}</link><description>Work begins.</description></item>
<item><title>Canal bridge</title><link>${server.url('/page/bridge')}</link><guid>${'b'.repeat(40_000)}</guid><description>It opens.</description></item>
</channel></rss>`;

const tempDir = useTempDirs('newsdesk-page-items-');
beforeAll(async () => {
  server = await new FeedServer({
    '/feed': (req, res) => serve(feedOf())(req, res),
    '/page/library': serve(
      page('The reading room will gain a second floor and a garden terrace facing the square.'),
      { 'content-type': 'text/html' },
    ),
    '/page/bridge': serve(
      page('The swing bridge over the canal carries cyclists again after its motor was replaced.'),
      { 'content-type': 'text/html' },
    ),
  }).start();
});
afterAll(() => server.stop());
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function setup() {
  const store = openStore(join(tempDir(), 'store.db'));
  stores.push(store);
  const config = loadConfig({ ALLOW_PRIVATE_FEEDS: 'true', FETCH_FULL_TEXT: 'true', LOG_LEVEL: 'silent' });
  const feed = store.feeds.add(server.url('/feed'));
  const subscription = store.subscriptions.add(OPERATOR_TENANT_ID, feed.id, { origin: 'store' });
  const network = pollNetwork(config);
  const handed: PageItem[] = [];
  const poll = (pages = async (items: PageItem[]) => void handed.push(...items)) =>
    pollFeed(store, config, feed.id, { nextRun: null, network, pages });
  return { store, config, feed, subscription, network, handed, poll };
}

const hits = (path: string) => server.hits.get(path) ?? 0;
const titles = (store: Store) =>
  store.articles
    .list()
    .map((a) => a.title)
    .sort();

describe('page items handed over by a poll', () => {
  it('hands over the new items that want their page, stores the others, and hands over nothing already stored', async () => {
    const { store, config, network, handed, poll } = setup();
    const before = { library: hits('/page/library'), bridge: hits('/page/bridge') };
    const report = await poll();
    expect(report.new).toBe(2);
    expect(handed.map((p) => p.item.title)).toEqual(['Library extension']);
    // An item too large for a job (its guid) has its page fetched in the poll, as without hand-over.
    expect(titles(store)).toEqual(['Canal bridge', 'Tram timetable']);
    expect(hits('/page/bridge')).toBe(before.bridge + 1);
    expect(hits('/page/library')).toBe(before.library);

    const [library] = handed as [PageItem];
    const saved = await storePageItem(store, config, library, { network });
    expect(saved).toMatchObject({ new: 1, failed: [] });
    expect(store.articles.findByOrigin(library.origin)?.fileHash).toBe(library.fileHash);
    expect(store.articles.list().find((a) => a.title === 'Library extension')?.text).toContain(
      'second floor and a garden terrace',
    );
    // The same item again (a retried job): nothing fetched, nothing written.
    expect(await storePageItem(store, config, library, { network })).toBe('already stored');
    expect(hits('/page/library')).toBe(before.library + 1);

    handed.length = 0;
    await poll();
    expect(handed).toEqual([]);
    expect(hits('/page/library')).toBe(before.library + 1);
  });

  it('a hand-over that fails fails the poll without marking the feed failing, and the next poll hands the items over', async () => {
    const { store, feed, handed, poll } = setup();
    await expect(poll(() => Promise.reject(new Error('queue unreachable')))).rejects.toMatchObject({
      code: 'ERR_PAGE_HAND_OFF',
      cause: expect.objectContaining({ message: 'queue unreachable' }),
    });
    expect(store.feeds.get(feed.id)).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      lastSuccess: null,
    });
    expect(titles(store)).toEqual(['Canal bridge', 'Tram timetable']);
    await poll();
    expect(handed.map((p) => p.item.title)).toEqual(['Library extension']);
    expect(store.feeds.get(feed.id)?.lastSuccess).toEqual(expect.any(String));
  });

  it('fetches nothing for a feed nobody follows any more', async () => {
    const { store, config, subscription, network, handed, poll } = setup();
    await poll();
    store.subscriptions.remove(OPERATOR_TENANT_ID, subscription.id);
    const before = hits('/page/library');
    expect(await storePageItem(store, config, handed[0] as PageItem, { network })).toBe('feed unfollowed');
    expect(hits('/page/library')).toBe(before);
    expect(titles(store)).toEqual(['Canal bridge', 'Tram timetable']);
  });
});
