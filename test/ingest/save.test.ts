import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { prepareSafely } from '../../src/ingest/prepare.ts';
import { PreparePool } from '../../src/ingest/prepare-pool.ts';
import { saveArticles } from '../../src/ingest/save.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { timeline, whois } from '../../src/knowledge/index.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-save-');
const config = loadConfig({});

const paragraphs = [
  'The central bank raised its main interest rate by half a point on Thursday, the third increase this year, citing stubborn inflation in food and energy prices.',
  'The governor told reporters that the bank was ready to act again if prices kept rising faster than wages through the winter months.',
  'Business groups warned that higher borrowing costs would hurt small firms, many of which are still repaying loans taken out during the pandemic.',
  'The finance ministry said it respected the independence of the bank but would review support programmes for households with variable-rate mortgages.',
];
const text = paragraphs.join('\n\n');

const feedItem = (over: Partial<RawArticle> = {}): RawArticle => ({
  origin: 'url:https://bank.example/rates',
  kind: 'feed',
  url: 'https://bank.example/rates?utm_source=rss',
  title: 'Central bank raises rates again',
  published: { value: 'Thu, 07 Mar 2024 10:00:00 GMT', source: 'feed' },
  text,
  ...over,
});

describe('saveArticles', () => {
  it('stores a feed item with its feed date, canonical URL and summary', () => {
    const store = openStore(join(tempDir(), 'db'));
    const r = saveArticles(store, [feedItem()]);
    expect(r).toMatchObject({ new: 1, updated: 0, unchanged: 0, duplicates: 0 });
    const a = store.articles.get(r.articles[0]!.id)!;
    expect(a).toMatchObject({
      canonicalUrl: 'https://bank.example/rates',
      published: '2024-03-07T10:00:00.000Z',
      publishedEstimated: false,
      dateSource: 'feed',
      source: 'bank.example',
    });
    expect(r.articles[0]).toMatchObject({ url: 'https://bank.example/rates?utm_source=rss', words: a.words });
    store.close();
  });

  it('leaves an unchanged item alone and updates a changed one in place', () => {
    const store = openStore(join(tempDir(), 'db'));
    saveArticles(store, [feedItem()]);
    expect(saveArticles(store, [feedItem()])).toMatchObject({ new: 0, unchanged: 1 });
    const changed = saveArticles(store, [
      feedItem({ text: `${text}\n\nMarkets fell sharply after the announcement.` }),
    ]);
    expect(changed).toMatchObject({ new: 0, updated: 1 });
    expect(store.articles.count()).toBe(1);
    store.close();
  });

  it('links exact copies, same-URL copies and near copies to the original instead of counting them twice', () => {
    const store = openStore(join(tempDir(), 'db'));
    const first = saveArticles(store, [feedItem()]);
    const originalId = first.articles[0]!.id;
    const r = saveArticles(store, [
      feedItem({ origin: 'url:https://mirror.example/a', url: 'https://mirror.example/a' }),
      feedItem({ origin: 'url:https://other.example/b', url: 'https://bank.example/rates#top' }),
      feedItem({
        origin: 'url:https://wire.example/c',
        url: 'https://wire.example/c',
        text: `${text.replace('on Thursday', 'on Thursday morning')}\n\nReporting by the economics desk.`,
      }),
    ]);
    expect(r).toMatchObject({ new: 0, duplicates: 3 });
    for (const s of r.articles) expect(store.articles.get(s.id)?.duplicateOf).toBe(originalId);
    expect(store.articles.list().map((a) => a.id)).toEqual([originalId]);
    store.close();
  });

  it('keeps a different story on the same topic as its own article', () => {
    const store = openStore(join(tempDir(), 'db'));
    saveArticles(store, [feedItem()]);
    const other = feedItem({
      origin: 'url:https://bank.example/mortgages',
      url: 'https://bank.example/mortgages',
      text: 'Mortgage lenders began passing on the higher interest rate to customers on Friday, with two of the largest banks announcing increases on fixed-rate deals. Estate agents reported that buyers were already pulling out of purchases in the capital, and surveyors expect house prices to fall in the spring.',
    });
    expect(saveArticles(store, [other])).toMatchObject({ new: 1, duplicates: 0 });
    store.close();
  });

  it('reports an item that cannot be cleaned and stores the rest of the batch', () => {
    const store = openStore(join(tempDir(), 'db'));
    const broken = feedItem({ origin: 'url:https://x.example/broken', text: 42 as unknown as string });
    const r = saveArticles(store, [broken, feedItem()]);
    expect(r.new).toBe(1);
    expect(r.failed).toEqual([
      { path: 'https://bank.example/rates?utm_source=rss', error: expect.stringMatching(/could not clean/) },
    ]);
    store.close();
  });

  it('reports an article the store refuses and stores the rest of its batch', () => {
    const store = openStore(join(tempDir(), 'db'));
    const bad = feedItem({ origin: 'url:https://x.example/bad', kind: 'nonsense' as 'feed' });
    const result = saveArticles(store, [bad, feedItem()]);
    expect(result.failed).toEqual([
      { path: 'https://bank.example/rates?utm_source=rss', error: expect.stringMatching(/CHECK constraint/) },
    ]);
    expect(result.new).toBe(1);
    expect(store.articles.count()).toBe(1);
    store.close();
  });
});

describe('incremental corpus ingest', () => {
  it('skips unchanged files, updates changed ones and marks removed files, across a restart', async () => {
    const corpus = tempDir();
    const db = join(tempDir(), 'db.sqlite');
    writeFileSync(join(corpus, 'a.txt'), text);
    writeFileSync(
      join(corpus, 'b.md'),
      `---\ntitle: Second\ndate: 2024-03-08\n---\n${paragraphs.slice(2).reverse().join('\n\n')} A second, separate report on the same decision from the regional bureau. Finance Minister Tomasz Wielgosz said on Friday that he had met the governor.`,
    );
    let store = openStore(db);
    const first = await runIngest(store, { corpusDirs: [corpus], feeds: false, config });
    expect(first).toMatchObject({ new: 2, unchanged: 0 });
    store.close();

    store = openStore(db);
    const again = await runIngest(store, { corpusDirs: [corpus], feeds: false, config });
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(again.articles.map((a) => a.id).sort()).toEqual(first.articles.map((a) => a.id).sort());

    writeFileSync(join(corpus, 'a.txt'), `${text}\n\nThe currency strengthened after the decision.`);
    expect(whois(store, 'Wielgosz').actor?.name).toBe('Tomasz Wielgosz');
    rmSync(join(corpus, 'b.md'));
    const changed = await runIngest(store, { corpusDirs: [corpus], feeds: false, config });
    expect(changed).toMatchObject({ new: 0, updated: 1, unchanged: 0, removed: 1 });
    expect(store.articles.count()).toBe(1);
    expect(store.articles.list()[0]?.text).toContain('currency strengthened');
    // Knowledge forgets what only the removed file said.
    expect(whois(store, 'Wielgosz').actor).toBeNull();
    store.close();
  });

  it('trusts size and modification time to skip re-reading a file, and re-reads it when either changes', async () => {
    const corpus = tempDir();
    const file = join(corpus, 'a.txt');
    const atime = new Date('2026-01-01T00:00:00Z');
    const mtime = new Date('2026-01-02T00:00:00Z');
    writeFileSync(file, text);
    utimesSync(file, atime, mtime);
    const store = openStore(join(tempDir(), 'db.sqlite'));
    await runIngest(store, { corpusDirs: [corpus], feeds: false, config });

    // Same length, same mtime: taken as unchanged without reading (the rsync/make trade-off).
    writeFileSync(file, text.replace('Thursday', 'Saturday'));
    utimesSync(file, atime, mtime);
    expect(await runIngest(store, { corpusDirs: [corpus], feeds: false, config })).toMatchObject({
      unchanged: 1,
    });

    utimesSync(file, atime, new Date(mtime.getTime() + 5000));
    expect(await runIngest(store, { corpusDirs: [corpus], feeds: false, config })).toMatchObject({
      updated: 1,
    });
    expect(store.articles.list()[0]?.text).toContain('Saturday');
    store.close();
  });

  it('indexes knowledge from analyses made in the worker threads exactly as from the stored text', async () => {
    const dir = join(import.meta.dirname, '../knowledge/fixtures');
    const raws: RawArticle[] = readdirSync(dir).map((name) => ({
      origin: `file:${join(dir, name)}`,
      kind: 'file',
      path: join(dir, name),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
    const pool = new PreparePool();
    const prepared = await pool.prepare(raws, true);
    await pool.close();
    expect(prepared.every((p) => 'analysis' in p && p.analysis)).toBe(true);
    const fromWorkers = openStore(join(tempDir(), 'workers.db'));
    saveArticles(fromWorkers, raws, { prepared });
    const here = openStore(join(tempDir(), 'here.db'));
    saveArticles(here, raws, { prepared: raws.map((raw) => prepareSafely(raw)) });
    const events = timeline(here, { limit: 200 });
    expect(events.events.length).toBeGreaterThan(3);
    expect(timeline(fromWorkers, { limit: 200 })).toEqual(events);
    const names = here.knowledge.database
      .prepare('SELECT name FROM actors ORDER BY id')
      .pluck()
      .all() as string[];
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(whois(fromWorkers, name)).toEqual(whois(here, name));
    fromWorkers.close();
    here.close();
  });
});
