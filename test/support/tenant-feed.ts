import { FeedServer } from '../ingest/feeds/feed-server.ts';

/**
 * One tenant's private feed on 127.0.0.1: a first item (its backlog when added) naming an actor no
 * other source knows, and a later item once `publishNext()` is called. Written in our own words.
 */
export class TenantFeed {
  private items = [
    {
      slug: 'harbour-envoy',
      title: 'Envoy opens harbour talks in Lisbon',
      date: 'Mon, 26 Jan 2026 09:00:00 GMT',
      text: 'Foreign Minister Halvard Ostrum travelled to Lisbon on Monday to meet both delegations. Ostrum said the negotiations on a ceasefire along the coast had made progress.',
    },
  ];
  readonly server = new FeedServer({
    '/private-feed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(this.document());
    },
  });

  /** The feed URL, with the kind of private token feed URLs often carry. */
  get url(): string {
    return this.server.url('/private-feed?token=tenant-a-secret');
  }

  /** A new item appears in the feed (what the next poll stores). */
  publishNext(): void {
    this.items.push({
      slug: 'harbour-ceasefire',
      title: 'Coastal ceasefire agreed after harbour negotiations',
      date: 'Thu, 29 Jan 2026 09:00:00 GMT',
      text: 'Delegations signed a ceasefire agreement in Lisbon on Thursday after three days of negotiations. Mediators said the diplomatic talks would resume next month to settle the remaining border questions.',
    });
  }

  private document(): string {
    const items = this.items
      .map(
        (i) => `<item><title>${i.title}</title><link>https://harbour-wire.example/${i.slug}</link>
<guid>https://harbour-wire.example/${i.slug}</guid><pubDate>${i.date}</pubDate>
<description>${i.text}</description></item>`,
      )
      .join('\n');
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
<link>https://harbour-wire.example/</link>${items}</channel></rss>`;
  }
}
