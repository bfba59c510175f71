import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';
import {
  atomBadEntries,
  atomFeed,
  billionLaughs,
  cyrillicFeed,
  htmlPage,
  latinFeedUndeclared,
  malformedMiddleItem,
  rdfFeed,
  rss2ContentEncoded,
} from './fixtures.ts';

const text = (xml: string) => parseFeed(Buffer.from(xml), {});

describe('parseFeed', () => {
  it('reads RSS 2.0 and prefers content:encoded over the description', async () => {
    const feed = await text(rss2ContentEncoded);
    expect(feed).toMatchObject({ format: 'rss', title: 'The Harbour Gazette - World', language: 'en-gb' });
    const [first, second] = feed.items;
    expect(first?.content).toContain('reopen talks on the grain corridor');
    expect(first?.content).toContain('The next round is expected in early December');
    expect(first?.content).not.toContain('trackReader');
    expect(first?.summary).toBe('Ministers meeting in Valletta agreed to reopen talks.');
    expect(first).toMatchObject({
      id: 'gazette-2025-11-20-001',
      author: 'Mara Lindqvist',
      published: '2025-11-20T14:05:00.000Z',
    });
    expect(second).toMatchObject({
      title: 'Coastal states sign fisheries accord & pledge joint patrols',
      content: null,
      summary: 'Six coastal states signed an accord on Wednesday.',
      published: '2025-11-19T08:30:00.000Z',
      author: 'desk@gazette.example.org (Tomas Reyes)',
    });
  });

  it('reads Atom: typed titles, xhtml and html content, authors and dates', async () => {
    const feed = await text(atomFeed);
    expect(feed).toMatchObject({ format: 'atom', title: 'Northern Ledger — Diplomacy', language: 'en' });
    expect(feed.link).toBe('https://ledger.example.com/diplomacy');
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      title: 'Envoys trade drafts ahead of summit',
      link: 'https://ledger.example.com/2025/11/21/envoys-drafts',
      id: 'tag:ledger.example.com,2025:4411',
      published: '2025-11-21T05:45:00.000Z',
      author: 'Ines Okafor',
      summary: 'Envoys exchanged drafts.',
    });
    expect(first?.content).toBe(
      'Envoys exchanged revised drafts on Friday.\n\nA summit is planned for next month.',
    );
    expect(second?.title).toBe('Analysis: what the ceasefire text leaves out');
    expect(second?.content).toBe('The text is silent on monitoring.');
    expect(second?.published).toBe('2025-11-20T18:00:00.000Z');
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates and language', async () => {
    const feed = await text(rdfFeed);
    expect(feed).toMatchObject({ format: 'rdf', title: 'Example Wire', language: 'de' });
    expect(feed.items[0]).toMatchObject({
      title: 'Talks adjourned until Monday',
      id: 'https://wire.example.net/a/1',
      published: '2025-11-22T09:15:00.000Z',
      author: 'Wire staff',
    });
  });

  it('decodes a windows-1251 feed by its XML declaration', async () => {
    const feed = await parseFeed(iconv.encode(cyrillicFeed, 'windows-1251'), {});
    expect(feed.encoding).toBe('windows-1251');
    expect(feed.title).toBe('Новости дня');
    expect(feed.items[0]?.title).toBe('Переговоры продолжатся в понедельник');
  });

  it('decodes an undeclared Latin-1 feed by the HTTP charset', async () => {
    const bytes = iconv.encode(latinFeedUndeclared, 'latin1');
    const feed = await parseFeed(bytes, { contentType: 'text/xml; charset=ISO-8859-1' });
    expect(feed.title).toBe('Notícias do Dia');
    expect(feed.items[0]?.title).toBe('Negociações em Genebra avançam');
  });

  it('lets the HTTP charset win over the XML declaration, and a BOM over both', async () => {
    const declaredLatin = `<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Genève</title></channel></rss>`;
    const utf8 = Buffer.from(declaredLatin);
    expect((await parseFeed(utf8, { contentType: 'text/xml; charset=utf-8' })).title).toBe('Genève');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect((await parseFeed(bom, { contentType: 'text/xml; charset=iso-8859-1' })).title).toBe('Genève');
  });

  it('never expands declared entities (billion laughs) nor fetches external ones', async () => {
    const feed = await text(billionLaughs);
    expect(feed.title).toBe('&lol9;');
    expect(feed.items[0]?.title).toBe('Laughs &lol9;');
    expect(feed.items[0]?.summary).toBe('secret: &xxe;');
  });

  it('recovers the good items of a feed with malformed markup', async () => {
    const feed = await text(malformedMiddleItem);
    const titles = feed.items.map((i) => i.title);
    expect(titles[0]).toBe('First story');
    expect(titles).toContain('Third story');
    expect(feed.repairs.join(' ')).toMatch(/malformed XML recovered/);
  });

  it('keeps every Atom entry when one has an unreadable date and another a link without href', async () => {
    const feed = await text(atomBadEntries);
    expect(feed.items.map((i) => i.title)).toEqual(['Good one', 'Bad date', 'Bare link', 'Good two']);
    expect(feed.items[1]?.published).toBeNull();
    expect(feed.items[2]?.link).toBe('https://mixed.example.com/3');
  });

  it('turns a hostile 64 KB item into text in linear time', async () => {
    const hostile = `<rss version="2.0"><channel><item><description>${'&lt;a '.repeat(11_000)}</description></item></channel></rss>`;
    const started = Date.now();
    const feed = await parseFeed(Buffer.from(hostile), { timeoutMs: 20_000 });
    expect(feed.items).toHaveLength(1);
    // rss-parser's own snippet code needs seconds here; a generous bound that still catches a quadratic path.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('abandons a parse that overruns its time limit and keeps working afterwards', async () => {
    const big = `<rss version="2.0"><channel>${'<item><title>x</title><description>y</description></item>'.repeat(50_000)}</channel></rss>`;
    await expect(parseFeed(Buffer.from(big), { timeoutMs: 1 })).rejects.toThrow(/longer than 1 ms/);
    expect((await text(rdfFeed)).title).toBe('Example Wire');
  });

  it('says clearly when a document is not a feed', async () => {
    await expect(text(htmlPage)).rejects.toThrow('not an RSS or Atom feed');
    await expect(text('')).rejects.toThrow('empty document');
    await expect(text('<!-- nothing -->')).rejects.toThrow(/no complete XML document/);
  });
});
