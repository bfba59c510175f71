import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { parseCorpusFile } from '../../src/ingest/readers/parse.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-readers-');
const body =
  'Ministers from the two neighbouring countries signed a water-sharing agreement on Friday after eleven years of talks over the river that runs along their border.';

async function ingestFolder(files: Record<string, string | Buffer>, maxBytes = 5 * 1024 * 1024) {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const store = openStore(join(tempDir(), 'db.sqlite'));
  const config = loadConfig({ MAX_FILE_BYTES: String(maxBytes) });
  const report = await runIngest(store, { corpusDirs: [dir], feeds: false, config });
  return { dir, store, report };
}

describe('corpus readers', () => {
  it('reads markdown front matter: title, date, author, source, url and tags', () => {
    const md = `---\ntitle: "River deal signed"\ndate: 2024-06-07\nauthor: Lena Park\nsource: Valley Herald\nurl: https://valley.example/river\ntags: [water, treaty]\n---\n\n## Background\n\n${body} See [the text](https://valley.example/t).\n`;
    const [a] = parseCorpusFile('/c/river.md', md, 'h');
    expect(a).toMatchObject({
      title: 'River deal signed',
      author: 'Lena Park',
      source: 'Valley Herald',
      url: 'https://valley.example/river',
      tags: ['water', 'treaty'],
      published: { value: '2024-06-07', source: 'front-matter' },
    });
    expect(a?.text).toContain('See the text.');
    expect(a?.text).not.toContain('](');
  });

  it('reads a markdown paragraph written over several lines as one paragraph, list items apart', () => {
    const md = [
      '# River deal signed',
      '',
      'The delegation of the upstream country was led by',
      'Foreign Minister Lena Park, who signed for her government',
      'on Friday.',
      '',
      '- The dam stays open in summer',
      '  and in drought years.',
      '- A joint commission meets twice a year.',
      '',
    ].join('\n');
    const [a] = parseCorpusFile('/c/river.md', md, 'h');
    expect(a?.text?.trim().split(/\n+/)).toEqual([
      'River deal signed',
      'The delegation of the upstream country was led by Foreign Minister Lena Park, who signed for her government on Friday.',
      'The dam stays open in summer and in drought years.',
      'A joint commission meets twice a year.',
    ]);
  });

  it('reads front matter at the top of a .txt file too', () => {
    const [a] = parseCorpusFile(
      '/c/a.txt',
      `---\ntitle: Plain export\ndate: 2024-06-07T10:00:00\n---\n${body}\n`,
      'h',
    );
    expect(a?.title).toBe('Plain export');
    expect(a?.text?.trim()).toBe(body);
  });

  it('reads one JSON object or an array, with the usual key names', () => {
    const [one] = parseCorpusFile(
      '/c/a.json',
      JSON.stringify({ headline: 'One', body, pubDate: '2024-06-07' }),
      'h',
    );
    expect(one).toMatchObject({ title: 'One', text: body, origin: 'file:/c/a.json' });
    const many = parseCorpusFile(
      '/c/b.json',
      JSON.stringify([
        { title: 'A', content: `<p>${body}</p>`, author: { name: 'Ines Moro' } },
        { title: 'B', text: body, source: 'Wire' },
      ]),
      'h',
    );
    expect(many.map((a) => a.origin)).toEqual(['file:/c/b.json#0', 'file:/c/b.json#1']);
    expect(many[0]).toMatchObject({ html: `<p>${body}</p>`, author: 'Ines Moro' });
  });

  it('rejects malformed JSON with a clear message', () => {
    expect(() => parseCorpusFile('/c/bad.json', '{"title": "x", ', 'h')).toThrow(/malformed JSON/);
    expect(() => parseCorpusFile('/c/empty.json', '[{"title": "no text"}]', 'h')).toThrow(/no article/);
  });
});

describe('corpus folder ingest', () => {
  it('walks folders recursively and reads html with its page metadata', async () => {
    const html = `<html><head><title>River deal | Herald</title>
      <meta property="og:site_name" content="Valley Herald"><meta property="article:published_time" content="2024-06-07T09:00:00Z">
      <script>window.tracker = "do not keep";</script></head>
      <body><nav><a href="/">Home</a></nav><article><h1>River deal</h1><p>${body}</p><p>${body.replace('Friday', 'Saturday')}</p></article></body></html>`;
    const { store, report } = await ingestFolder({ 'deep/er/page.html': html, 'notes.txt': body });
    expect(report.new).toBe(2);
    const page = store.articles.list().find((a) => a.path?.endsWith('page.html'))!;
    expect(page).toMatchObject({
      source: 'Valley Herald',
      published: '2024-06-07T09:00:00.000Z',
      publishedEstimated: false,
    });
    expect(page.text).toContain('water-sharing agreement');
    expect(page.text).not.toContain('tracker');
    store.close();
  });

  it('reads a JSON-LD datePublished and a <time datetime> when the meta tags are missing', async () => {
    const ld = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-05-01"}]}</script></head><body><p>${body}</p></body></html>`;
    const other =
      'Farmers downstream said the new quotas for irrigation would arrive too late for this season, and asked for compensation for the dry years.';
    const time = `<html><body><time datetime="2024-05-02">May 2</time><p>${other}</p></body></html>`;
    const { store } = await ingestFolder({ 'ld.html': ld, 'time.html': time });
    const byName = (n: string) => store.articles.list().find((a) => a.path?.endsWith(n))!;
    expect(byName('ld.html').published).toBe('2024-05-01');
    expect(byName('time.html').published).toBe('2024-05-02');
    store.close();
  });

  it('reports binary, empty, oversized and malformed files and counts other files as skipped', async () => {
    const { report, store } = await ingestFolder(
      {
        'good.txt': body,
        'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
        'empty.md': '',
        'big.txt': `${body}\n`.repeat(40),
        'bad.json': '{ "title": ',
        'photo.jpg': 'not read',
        README: 'no extension',
      },
      2000,
    );
    expect(report.new).toBe(1);
    expect(report.skipped).toBe(2);
    const errors = Object.fromEntries(report.failed.map((f) => [f.path.split('/').pop(), f.error]));
    expect(errors['binary.txt']).toMatch(/binary/);
    expect(errors['empty.md']).toMatch(/empty/);
    expect(errors['big.txt']).toMatch(/too large/);
    expect(errors['bad.json']).toMatch(/malformed JSON/);
    store.close();
  });

  it('reads a Windows-1252 text file instead of rejecting it', async () => {
    const latin = Buffer.from(`${body} The minister\x92s aide called it a \x93fair\x94 deal.`, 'latin1');
    const { store, report } = await ingestFolder({ 'latin.txt': latin });
    expect(report.failed).toEqual([]);
    expect(store.articles.list()[0]?.text).toContain('minister’s aide called it a “fair” deal');
    store.close();
  });
});
