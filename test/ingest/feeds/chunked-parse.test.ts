import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFeed } from '../../../bench/feed-generator.ts';
import { splitFeed } from '../../../src/ingest/feeds/chunk-split.ts';
import { type ParseOptions, parseFeed, parseFeedInParts } from '../../../src/ingest/feeds/parse-feed.ts';

const REAL = resolve('../shared/feeds/real');
const SUITE = resolve('../shared/feeds/feedparser');

/** Split options that cut even a small document into about `parts` sub-documents. */
const cutInto = (bytes: Buffer, parts: number) => ({
  minBytes: 0,
  chunkBytes: Math.max(64, Math.floor(bytes.length / parts)),
});

/** A whole parse and a split parse of the same bytes, each as a result or an error message. */
async function bothWays(bytes: Buffer, options: ParseOptions = {}) {
  const outcome = (o: ParseOptions) =>
    parseFeed(bytes, o).then(
      (feed) => feed,
      (err: Error) => ({ error: err.message }),
    );
  return {
    whole: await outcome(options),
    split: await outcome({ ...options, split: cutInto(bytes, 4) }),
    cut: splitFeed(bytes, options.contentType, cutInto(bytes, 4)) !== undefined,
  };
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('parsing a large feed in concurrent parts', () => {
  for (const format of ['rss', 'atom', 'rdf'] as const) {
    it(`gives the same feed as a whole parse for a generated ${format} feed`, async () => {
      const bytes = Buffer.from(generatedFeed(format, 300));
      const { whole, split, cut } = await bothWays(bytes);
      expect(cut).toBe(true);
      expect('items' in whole && whole.items).toHaveLength(300);
      expect(split).toEqual(whole);
    });
  }

  it('cuts a megabyte-sized feed with the default options and keeps every item in order', async () => {
    const bytes = Buffer.from(generatedFeed('rss', 3000));
    expect(splitFeed(bytes, null)?.chunks.length).toBeGreaterThan(1);
    const feed = await parseFeed(bytes, {});
    expect(feed.items.map((i) => i.id)).toEqual(Array.from({ length: 3000 }, (_, i) => `item-${i}`));
  });

  it('never cuts inside CDATA or a comment that holds item tags', async () => {
    const tricky = generatedFeed('rss', 40).replace(
      '<title>Story 7',
      '<!-- </item><item> --><title><![CDATA[</item><item>]]>Story 7',
    );
    const { whole, split, cut } = await bothWays(Buffer.from(tricky));
    expect(cut).toBe(true);
    expect(split).toEqual(whole);
  });

  it('falls back to the whole document when a part is malformed, with the same recovery', async () => {
    const broken = generatedFeed('rss', 40).replace('<title>Story 21', '<title><b>Story 21');
    const { whole, split, cut } = await bothWays(Buffer.from(broken));
    expect(cut).toBe(true);
    expect('repairs' in whole && whole.repairs.join()).toMatch(/malformed XML recovered/);
    expect(split).toEqual(whole);
  });

  it('hands the parts over in order, and after a failing part only what the whole parse adds', async () => {
    for (const xml of [
      generatedFeed('atom', 60),
      generatedFeed('rss', 60).replace('Story 50', '<b>Story 50'),
    ]) {
      const bytes = Buffer.from(xml);
      const handed: string[] = [];
      await parseFeedInParts(bytes, { split: cutInto(bytes, 6) }, (part) => {
        handed.push(...part.items.map((i) => JSON.stringify(i)));
      });
      const whole = await parseFeed(bytes, {});
      expect(handed).toEqual(whole.items.map((i) => JSON.stringify(i)));
    }
  });

  it('leaves alone a feed with anything but white space between items', () => {
    const between = generatedFeed('rss', 40).replace('</item>\n<item>', '</item>\n<!-- ad --><item>');
    expect(splitFeed(Buffer.from(between), null, { minBytes: 0, chunkBytes: 1000 })).toBeUndefined();
    const nested = generatedFeed('atom', 40).replace('<entry>', '<entry><entry></entry>');
    expect(splitFeed(Buffer.from(nested), null, { minBytes: 0, chunkBytes: 1000 })).toBeUndefined();
  });

  it('reports a timeout of any part as the feed timing out', async () => {
    const bytes = Buffer.from(generatedFeed('rss', 3000));
    await expect(parseFeed(bytes, { timeoutMs: 1 })).rejects.toThrow(/longer than 1 ms/);
    expect((await parseFeed(Buffer.from(generatedFeed('rdf', 5)), {})).items).toHaveLength(5);
  });

  it.skipIf(!existsSync(REAL))('gives the same feeds as a whole parse for the real news feeds', async () => {
    let cut = 0;
    for (const path of filesUnder(REAL).filter((f) => /\.(xml|rss|atom)$/.test(f))) {
      const result = await bothWays(readFileSync(path));
      expect(result.split, path).toEqual(result.whole);
      if (result.cut) cut++;
    }
    // Every feed with several items but one (two items under a header larger than both); the
    // other seven have a single item.
    expect(cut).toBe(10);
  });

  it.skipIf(!existsSync(SUITE))(
    'gives the same results, errors included, on the feedparser suite',
    async () => {
      let cut = 0;
      for (const path of filesUnder(SUITE).filter((f) => /\.(xml|rdf|atom|rss)$/.test(f))) {
        const result = await bothWays(readFileSync(path));
        expect(result.split, path).toEqual(result.whole);
        if (result.cut) cut++;
      }
      // Nearly all of these documents hold one item (there is nothing to cut): what this shows is that
      // no odd document is ever cut into something that reads differently.
      expect(cut).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('preparing items in the parse workers', () => {
  it('returns each item of a split feed as a cleaned, dated article, aligned with the items', async () => {
    const bytes = Buffer.from(generatedFeed('rss', 200));
    const prepare = { feedId: 7, feedTitle: 'Fallback title', fullText: false };
    const feed = await parseFeed(bytes, { prepare, split: cutInto(bytes, 4) });
    expect(feed.prepared).toHaveLength(200);
    const article = feed.prepared?.[42];
    expect(article && 'text' in article && article).toMatchObject({
      feedId: 7,
      source: 'Bench Gazette',
      title: feed.items[42]?.title,
      published: feed.items[42]?.published,
    });
    expect(article && 'text' in article && article.text).not.toMatch(/track\(/);
  });

  it('leaves unprepared the items whose linked page is to be fetched first', async () => {
    const xml = generatedFeed('rss', 3).replace(/<content:encoded>[\s\S]*?<\/content:encoded>/g, '');
    const prepare = { feedId: 1, feedTitle: null, fullText: true };
    expect((await parseFeed(Buffer.from(xml), { prepare })).prepared).toEqual([null, null, null]);
    const without = await parseFeed(Buffer.from(xml), { prepare: { ...prepare, fullText: false } });
    expect(without.prepared?.every((p) => p && 'text' in p)).toBe(true);
  });
});
