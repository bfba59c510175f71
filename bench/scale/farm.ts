// bench:scale's feed farm: HTTP on 127.0.0.1 serving many RSS feeds of varied sizes and behaviour,
// their items' pages, and new items over time with the moment each appeared, so the bench can tell
// how long an item took to become a stored article and a post. The feeds live on many hosts (one
// port each, as newsdesk counts hosts by host:port), a few feeds per host as outlets publish them:
// newsdesk limits its requests per host (FEED_HOST_CONCURRENCY), which one host would turn into a
// limit on the whole farm.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { rng, SYLLABLES } from '../synthetic-corpus.ts';

/** How a feed answers once the farm is live (while tenants subscribe, every feed answers well). */
export type FeedBehaviour = 'ok' | 'slow' | 'error-500' | 'hang' | 'malformed';

export interface FarmItem {
  feed: number;
  n: number;
  title: string;
  text: string;
  published: Date;
  /** Date.now() when the item appeared in its feed; undefined for the backlog it started with. */
  appearedAt?: number;
}

export interface FarmFeed {
  id: number;
  behaviour: FeedBehaviour;
  /** Items the document holds (the newest ones): a few to a few hundred. */
  size: number;
  /** Answers If-None-Match with 304 when nothing changed, as most news sites do. */
  conditional: boolean;
  /** Items carry their whole text; otherwise a short summary, and newsdesk fetches the page. */
  fullContent: boolean;
  items: FarmItem[];
  /** The rendered document, until the next item appears. */
  cached?: string;
  version: number;
}

const WORDS = (
  'the talks delegation minister agreed said officials draft plan ceasefire security guarantees border ' +
  'sanctions meeting capital negotiators proposal envoy summit statement foreign week region agreement'
).split(' ');

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slow feeds answer after this long; hanging ones never answer (FEED_TIMEOUT_MS, 5 s here, ends them). */
const SLOW_MS = [1_500, 4_000];

export class FeedFarm {
  readonly feeds: FarmFeed[];
  /** Feed document requests, per feed: the time of each. */
  readonly fetches = new Map<number, number[]>();
  pageFetches = 0;
  notModified = 0;
  /** Once live, slow and failing feeds behave so; before, all answer (tenants subscribe then). */
  live = false;
  private readonly servers: Server[];
  private readonly sockets = new Set<Socket>();
  private readonly rand: () => number;
  private readonly vocabulary: string[];

  constructor(
    count: number,
    private readonly hostCount = Math.ceil(count / 15),
    seed = 12,
  ) {
    this.rand = rng(seed);
    const word = () =>
      Array.from({ length: 2 + Math.floor(this.rand() * 2) }, () => this.pick(SYLLABLES)).join('');
    // Invented words make every item's text its own: no two items are near duplicates of each other.
    this.vocabulary = Array.from({ length: 5000 }, word);
    this.feeds = Array.from({ length: count }, (_, id) => this.makeFeed(id));
    this.servers = Array.from({ length: hostCount }, () => {
      const server = createServer((req, res) => this.onRequest(req, res));
      server.on('connection', (s) => {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
      });
      return server;
    });
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)] as T;
  }

  private makeFeed(id: number): FarmFeed {
    // About 5% slow and 5% failing (HTTP 500, no answer, not a feed), spread over the hosts.
    const r = Math.floor(this.rand() * 100);
    const behaviour: FeedBehaviour =
      r < 5 ? 'slow' : r < 7 ? 'error-500' : r < 9 ? 'hang' : r < 10 ? 'malformed' : 'ok';
    // Most feeds hold a few items, one in thirty a few hundred (100 to 300): the backlog every /feeds
    // add stores (about 13 items a feed) keeps setting 1,500 subscriptions up to a few minutes here.
    const size = this.rand() < 0.97 ? 3 + Math.floor(this.rand() * 10) : 100 + Math.floor(this.rand() * 201);
    const feed: FarmFeed = {
      id,
      behaviour,
      size,
      conditional: this.rand() < 0.6,
      fullContent: this.rand() < 0.5,
      items: [],
      version: 0,
    };
    const start = Date.UTC(2026, 0, 1);
    for (let n = 0; n < size; n++) feed.items.push(this.makeItem(feed, n, new Date(start + n * 3_600_000)));
    return feed;
  }

  private sentence(words: number): string {
    return Array.from({ length: words }, (_, i) =>
      i % 3 === 0 ? this.pick(WORDS) : this.pick(this.vocabulary),
    ).join(' ');
  }

  private makeItem(feed: FarmFeed, n: number, published: Date): FarmItem {
    return {
      feed: feed.id,
      n,
      title: `${this.sentence(6)} (${feed.id}-${n})`,
      text: Array.from({ length: 4 }, () => `${this.sentence(40)}.`).join(' '),
      published,
    };
  }

  /** A new item in the feed, now: its appearance time is what latency is measured from. */
  publish(feedId: number): FarmItem {
    const feed = this.feeds[feedId] as FarmFeed;
    const item = this.makeItem(feed, feed.items.length, new Date());
    item.appearedAt = Date.now();
    feed.items.push(item);
    feed.cached = undefined;
    feed.version++;
    return item;
  }

  /** Back to the documents tenants subscribed to: the items of an earlier run gone, counters at zero. */
  reset(): void {
    for (const feed of this.feeds) {
      feed.items = feed.items.filter((i) => i.appearedAt === undefined);
      feed.cached = undefined;
      feed.version = 0;
    }
    this.fetches.clear();
    this.pageFetches = 0;
    this.notModified = 0;
    this.live = false;
  }

  /** Feeds that answer (slowly or not) once live: where new items are published. */
  healthy(): FarmFeed[] {
    return this.feeds.filter((f) => f.behaviour === 'ok' || f.behaviour === 'slow');
  }

  async start(): Promise<this> {
    for (const server of this.servers)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get hosts(): number {
    return this.hostCount;
  }

  /** The feed's host: its outlet's site. */
  base(feedId: number): string {
    const server = this.servers[feedId % this.hostCount] as Server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  feedUrl(id: number): string {
    return `${this.base(id)}/feed/${id}.xml`;
  }

  itemUrl(item: Pick<FarmItem, 'feed' | 'n'>): string {
    return `${this.base(item.feed)}/a/${item.feed}/${item.n}`;
  }

  /** The item a URL of this farm's names (an item post's link), if any. */
  itemOf(url: string): FarmItem | undefined {
    const m = /\/a\/(\d+)\/(\d+)$/.exec(url);
    return m ? this.feeds[Number(m[1])]?.items[Number(m[2])] : undefined;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all(
      this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feedMatch = /^\/feed\/(\d+)\.xml$/.exec(path);
    const feed = feedMatch ? this.feeds[Number(feedMatch[1])] : undefined;
    const item = this.itemOf(path);
    if (feed) this.serveFeed(feed, req, res);
    else if (item) {
      this.pageFetches++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.page(item));
    } else res.writeHead(404).end('not found');
  }

  private serveFeed(feed: FarmFeed, req: IncomingMessage, res: ServerResponse): void {
    const times = this.fetches.get(feed.id) ?? [];
    times.push(Date.now());
    this.fetches.set(feed.id, times);
    const behaviour = this.live ? feed.behaviour : 'ok';
    if (behaviour === 'hang') return; // the socket stays open until the client gives up
    if (behaviour === 'error-500') return void res.writeHead(500).end('internal error');
    if (behaviour === 'malformed')
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<html><body>Oops');
    const etag = `"${feed.id}-${feed.version}"`;
    const answer = () => {
      if (res.destroyed) return;
      if (feed.conditional && req.headers['if-none-match'] === etag) {
        this.notModified++;
        return void res.writeHead(304, { etag }).end();
      }
      feed.cached ??= this.document(feed);
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml; charset=utf-8',
          ...(feed.conditional ? { etag } : {}),
        })
        .end(feed.cached);
    };
    if (behaviour === 'slow') {
      const [low, high] = SLOW_MS as [number, number];
      setTimeout(answer, low + ((feed.id * 337) % (high - low)));
    } else answer();
  }

  private document(feed: FarmFeed): string {
    const items = feed.items
      .slice(-feed.size)
      .reverse()
      .map((i) => {
        const link = this.itemUrl(i);
        const body = feed.fullContent
          ? `<description>${escapeXml(i.text.slice(0, 200))}</description><content:encoded><![CDATA[<p>${i.text}</p>]]></content:encoded>`
          : `<description>${escapeXml(i.text.slice(0, 160))}</description>`;
        return `<item><title>${escapeXml(i.title)}</title><link>${link}</link><guid>${link}</guid><pubDate>${i.published.toUTCString()}</pubDate>${body}</item>`;
      });
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Farm feed ${feed.id}</title><link>${this.base(feed.id)}/</link>
${items.join('\n')}
</channel></rss>`;
  }

  private page(item: FarmItem): string {
    return `<!doctype html><html><head><title>${escapeXml(item.title)}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${escapeXml(item.title)}</h1>${item.text
      .split('. ')
      .map((s) => `<p>${escapeXml(s)}.</p>`)
      .join('\n')}</article>
<footer>Farm news, all rights reserved</footer></body></html>`;
  }
}
