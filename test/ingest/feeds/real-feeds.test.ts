import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';

const DIR = resolve('../shared/feeds/real');
const present = existsSync(DIR);
if (!present) console.warn(`real feed tests skipped: ${DIR} is absent`);

// U+FFFD, or UTF-8 bytes read as Latin-1 ("Ã©", "Ð°"): the signs of a wrong charset.
const MOJIBAKE = /\uFFFD|[ÃÐÑ][\u0080-\u00BF]/;
const textOf = (feed: Awaited<ReturnType<typeof parseFeed>>) =>
  [feed.title, ...feed.items.flatMap((i) => [i.title, i.summary, i.content])].join('\n');

describe.skipIf(!present)('real feeds from news sites', () => {
  const files = present ? readdirSync(DIR).filter((f) => /\.(xml|rss|atom)$/.test(f)) : [];

  it('reads all 18 documents, each with items and no sign of a wrong charset', async () => {
    expect(files).toHaveLength(18);
    for (const file of files) {
      const feed = await parseFeed(readFileSync(join(DIR, file)), {});
      expect(feed.items.length, file).toBeGreaterThan(0);
      expect(textOf(feed), file).not.toMatch(MOJIBAKE);
    }
  });

  it('decodes the windows-1251 feed declared in its XML', async () => {
    const feed = await parseFeed(readFileSync(join(DIR, 'node-feedparser_iconv.xml')), {});
    expect(feed.encoding).toBe('windows-1251');
    expect(feed.items[0]?.title).toMatch(/^[А-Яа-яЁё\s–-]+/);
    expect(feed.items[0]?.title).toMatch(/В Бузулуке/);
  });

  it('decodes the undeclared ISO-8859-1 feed by the charset its server sends', async () => {
    const bytes = readFileSync(join(DIR, 'rss-parser_uolNoticias.rss'));
    const feed = await parseFeed(bytes, { contentType: 'text/xml; charset=ISO-8859-1' });
    expect(feed.encoding).toBe('windows-1252');
    expect(textOf(feed)).toMatch(/[çãéáíóú]/);
    expect(textOf(feed)).not.toMatch(MOJIBAKE);
  });

  it('decodes ISO-8859-1 declared in the XML (two Portuguese feeds)', async () => {
    for (const file of ['rss-parser_encoding.rss', 'feed-rs_rss_2.0_encoding_1.xml']) {
      const feed = await parseFeed(readFileSync(join(DIR, file)), {});
      expect(feed.encoding, file).toBe('windows-1252');
      expect(textOf(feed), file).toMatch(/[çãéáíóú]/);
      expect(textOf(feed), file).not.toMatch(MOJIBAKE);
    }
  });
});
