import type { ServerResponse } from 'node:http';
import { FeedServer } from '../ingest/feeds/feed-server.ts';

interface Item {
  slug: string;
  date: string;
  title: string;
  text: string;
}

const WORDS = `barge lock gate keeper towpath river harbour quay engineer survey budget council mooring
  dredger bridge sluice weir pump crew cargo grain timber coal ferry tunnel aqueduct basin marina
  inspector report repair spring winter summer autumn morning evening district county village town
  pilot license fee toll traffic season ice flood drought level water stone brick iron steel paint`
  .split(/\s+/)
  .filter(Boolean);

/** Words of item n's text, different enough from every other item's that none is a near duplicate. */
function wordsOf(n: number): string {
  let seed = n * 7919 + 17;
  const out: string[] = [];
  for (let i = 0; i < 30; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[seed % WORDS.length] as string);
  }
  return out.join(' ');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A feed on 127.0.0.1 whose items a test adds one by one, and which can be made to fail (HTTP 503)
 * and recover. Its URL carries a token, as private feed URLs do. Written in our own words.
 */
export class NumberedFeed {
  private items: Item[] = [];
  private failing = false;
  private holding = false;
  private readonly held: ServerResponse[] = [];
  private published = 0;
  readonly server = new FeedServer({
    '/numbered': (_req, res) => {
      if (this.holding) this.held.push(res);
      else this.answer(res);
    },
  });

  constructor(readonly name = 'Canal Bulletin') {}

  get url(): string {
    return this.server.url('/numbered?token=canal-secret-token');
  }

  /** Adds `count` items; a title given replaces the numbered one (for the first item added). */
  publish(count = 1, title?: string): void {
    for (let i = 0; i < count; i++) {
      const n = ++this.published;
      this.items.push({
        slug: `${this.name.toLowerCase().replace(/\W+/g, '-')}-${n}`,
        title: i === 0 && title ? title : `Lock keepers report on section ${n}`,
        date: new Date(Date.UTC(2026, 0, 26, 9) + n * 3_600_000).toUTCString(),
        text: `The canal authority said on Monday that section ${n} of the waterway reopened after repairs. Notes: ${wordsOf(n)}.`,
      });
    }
  }

  fail(): void {
    this.failing = true;
  }

  recover(): void {
    this.failing = false;
  }

  /** Requests from now on get no answer until release() (a slow feed, a poll that stays running). */
  hold(): void {
    this.holding = true;
  }

  /** Answers the held requests with the feed as it is now, and the next ones at once. */
  release(): void {
    this.holding = false;
    // A request whose client went away (a killed worker's) is dropped.
    for (const res of this.held.splice(0)) if (res.socket && !res.socket.destroyed) this.answer(res);
  }

  private answer(res: ServerResponse): void {
    if (this.failing) res.writeHead(503).end('down for maintenance');
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(this.document());
  }

  private document(): string {
    const items = this.items
      .map(
        (i) => `<item><title>${escapeXml(i.title)}</title><link>https://canal.example/${i.slug}</link>
<guid>https://canal.example/${i.slug}</guid><pubDate>${i.date}</pubDate>
<description>${escapeXml(i.text)}</description></item>`,
      )
      .join('\n');
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>${this.name}</title>
<link>https://canal.example/</link>${items}</channel></rss>`;
  }
}
