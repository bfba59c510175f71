import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { pollFeeds } from '../../../src/ingest/feeds/index.ts';
import { openStore } from '../../../src/store/index.ts';
import { useTempDirs } from '../../support/temp.ts';
import { FeedServer, type Route } from './feed-server.ts';

const FEEDS = 4;
const ITEMS = 6;
const tempDir = useTempDirs('newsdesk-poll-concurrency-');

/** Requests the server is answering right now, and the most it answered at once. */
const load = { now: 0, max: 0 };
/**
 * Answers after a wait, counting how many requests are open meanwhile. Pages wait long enough that
 * the fetches of different feeds' pages overlap whenever the poll lets them.
 */
const slow =
  (contentType: string, body: () => string, waitMs: number): Route =>
  (_req: IncomingMessage, res: ServerResponse) => {
    load.now++;
    load.max = Math.max(load.max, load.now);
    setTimeout(() => {
      load.now--;
      res.writeHead(200, { 'content-type': contentType }).end(body());
    }, waitMs);
  };

const page = (f: number, i: number) =>
  `<!doctype html><html><head><title>Story ${f}-${i}</title></head><body><article><h1>Story ${f}-${i}</h1>
<p>Inspectors from district ${f} visited site ${i} on Tuesday and asked the builders for new safety plans.</p>
</article></body></html>`;

let server: FeedServer;
beforeAll(async () => {
  const routes: Record<string, Route> = {};
  for (let f = 0; f < FEEDS; f++) {
    // The links name the server, which exists once the route is asked for.
    const items = () =>
      Array.from(
        { length: ITEMS },
        (_, i) =>
          `<item><title>Story ${f}-${i}</title><link>${server.url(`/page/${f}-${i}`)}</link><description>Short.</description></item>`,
      ).join('');
    routes[`/feed/${f}`] = slow(
      'application/rss+xml',
      () => `<rss version="2.0"><channel><title>District ${f}</title>${items()}</channel></rss>`,
      20,
    );
    for (let i = 0; i < ITEMS; i++) routes[`/page/${f}-${i}`] = slow('text/html', () => page(f, i), 400);
  }
  server = await new FeedServer(routes).start();
});
afterAll(() => server.stop());

describe('feed poll concurrency', () => {
  it('keeps the requests of a whole poll (feeds and linked pages) within FEED_CONCURRENCY', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    const config = loadConfig({
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'true',
      FEED_CONCURRENCY: '2',
      LOG_LEVEL: 'silent',
      FEEDS: Array.from({ length: FEEDS }, (_, f) => server.url(`/feed/${f}`)).join(','),
    });
    const report = await pollFeeds(store, config, { force: true });
    store.close();
    expect(report.failed).toEqual([]);
    const pages = [...server.hits.keys()].filter((p) => p.startsWith('/page/'));
    expect(pages).toHaveLength(FEEDS * ITEMS);
    expect(load.max).toBeLessThanOrEqual(2);
    // The limit is used, not only kept.
    expect(load.max).toBe(2);
  });
});
