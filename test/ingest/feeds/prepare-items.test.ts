import { describe, expect, it } from 'vitest';
import { itemToRaw } from '../../../src/ingest/feeds/item-to-raw.ts';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';
import { prepareItems } from '../../../src/ingest/feeds/prepare-items.ts';
import { analysisOf } from '../../../src/knowledge/index.ts';
import { rss2ContentEncoded } from './fixtures.ts';

describe('prepareItems', () => {
  it('prepares every item of a new feed, with the knowledge analysis when asked', async () => {
    const feed = await parseFeed(Buffer.from(rss2ContentEncoded), {});
    const prepared = prepareItems(feed, { feedId: 1, feedTitle: null, fullText: false }, analysisOf);
    expect(prepared).toHaveLength(feed.items.length);
    const analyses = prepared.map((p) => (p && !('error' in p) ? p.analysis : undefined));
    expect(analyses.every((a) => Array.isArray(a?.actors))).toBe(true);
    expect(analyses.some((a) => (a?.actors.length ?? 0) > 0)).toBe(true);
  });

  it('leaves to the main side the items the feed has stored as they are', async () => {
    const feed = await parseFeed(Buffer.from(rss2ContentEncoded), {});
    const source = { id: 1, title: feed.title };
    const [first, ...rest] = feed.items;
    const known = [itemToRaw(first!, source).fileHash!];
    const prepared = prepareItems(feed, { feedId: 1, feedTitle: null, fullText: false, known });
    expect(prepared[0]).toBeNull();
    expect(prepared.slice(1).every((p) => p && !('error' in p) && p.origin)).toBe(true);
    expect(rest.length).toBeGreaterThan(0);
  });
});
