import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example.org/news/">
  <title>Wire</title><link href="./"/><id>urn:wire</id><updated>2025-11-20T10:00:00Z</updated>
  <entry><id>urn:1</id><title>Plain relative</title><link href="2025/talks.html"/><updated>2025-11-20T10:00:00Z</updated></entry>
  <entry xml:base="https://archive.example.org/2024/"><id>urn:2</id><title>Entry base</title>
    <link href="summit.html"/><updated>2025-11-20T10:00:00Z</updated></entry>
  <entry><id>urn:3</id><title>Link base</title>
    <link xml:base="/desk/" href="ceasefire.html"/><updated>2025-11-20T10:00:00Z</updated></entry>
</feed>`;

const rss = `<?xml version="1.0"?>
<rss version="2.0" xml:base="https://gazette.example.com/world/">
  <channel><title>Gazette</title><link>/world</link>
    <item><title>Relative</title><link>story-1</link></item>
    <item xml:base="https://other.example.com/a/"><title>Item base</title><link>../b/story-2</link></item>
  </channel>
</rss>`;

describe('relative links in feeds', () => {
  it('resolves Atom links against xml:base on the feed, the entry and the link element', async () => {
    const feed = await parseFeed(Buffer.from(atom), {});
    expect(feed.link).toBe('https://wire.example.org/news/');
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://wire.example.org/news/2025/talks.html',
      'https://archive.example.org/2024/summit.html',
      'https://wire.example.org/desk/ceasefire.html',
    ]);
  });

  it('resolves RSS links against xml:base on the root and the item', async () => {
    const feed = await parseFeed(Buffer.from(rss), {});
    expect(feed.link).toBe('https://gazette.example.com/world');
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://gazette.example.com/world/story-1',
      'https://other.example.com/b/story-2',
    ]);
  });

  it('resolves a relative xml:base against the address the feed was fetched from', async () => {
    const xml = rss.replace('xml:base="https://gazette.example.com/world/"', 'xml:base="/world/"');
    const feed = await parseFeed(Buffer.from(xml), { baseUrl: 'https://mirror.example.net/feeds/rss.xml' });
    expect(feed.items[0]?.link).toBe('https://mirror.example.net/world/story-1');
  });
});
