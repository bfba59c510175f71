import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type IngestReport, runIngest } from '../../src/ingest/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

// The five real articles live outside the project (never copied into it); everything asserted
// about their text is read from the files at run time.
const dir = resolve('../shared/corpus');
const present = existsSync(dir);
if (!present) console.warn(`skipping the shared-corpus tests: ${dir} is absent`);

const tempDir = useTempDirs('newsdesk-shared-', 'all');
const fileOf = (prefix: string) => join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))!);
const paragraphsOf = (prefix: string) =>
  readFileSync(fileOf(prefix), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
const firstSentence = (p: string) => p.split(/(?<=[.!?])\s/)[0]!;
const exec = promisify(execFile);

describe.skipIf(!present)('ingesting ../shared/corpus', () => {
  let store: Store;
  let report: IngestReport;
  const text = (prefix: string) => store.articles.list().find((a) => a.path?.includes(`/${prefix}_`))!;

  beforeAll(async () => {
    store = openStore(join(tempDir(), 'db.sqlite'));
    report = await runIngest(store, { corpusDirs: [dir], feeds: false, config: loadConfig({}) });
    return () => store.close();
  });

  it('stores five articles with the documented dates', () => {
    expect(report).toMatchObject({ new: 5, failed: [], skipped: 0 });
    const byFile = Object.fromEntries(report.articles.map((a) => [a.path!.split('/').pop()!.slice(0, 3), a]));
    expect(byFile['001']?.published?.slice(0, 10)).toBe('2025-12-01');
    expect(byFile['001']?.publishedEstimated).toBe(false);
    expect(byFile['003']?.published?.slice(0, 10)).toBe('2025-11-26');
    expect(byFile['003']?.publishedEstimated).toBe(false);
    for (const f of ['000', '002', '004']) expect(byFile[f]?.publishedEstimated).toBe(true);
  });

  it('keeps every story paragraph of 000 and none of its player lines, promo, comments or footer', () => {
    const paras = paragraphsOf('000');
    const title = paras.findIndex((p) => p.split(/\s+/).length > 4);
    const storyEnd = paras.indexOf('Fact Checker');
    const commentsStart = paras.findIndex((p) => /^\d+ Comments$/.test(p));
    const formAt = paras.findIndex((p) => /^Leave A Reply$/i.test(p));
    expect(title).toBeGreaterThan(0);
    expect(storyEnd).toBeGreaterThan(title + 5);
    const story = paras.slice(title + 1, storyEnd);
    const cleaned = text('000').text;
    for (const p of story) expect(cleaned).toContain(p);
    const mid = story[Math.floor(story.length / 2)]!;
    for (const p of [story[0]!, mid, story.at(-1)!]) expect(cleaned).toContain(firstSentence(p));

    for (const p of paras.slice(0, title)) expect(cleaned).not.toContain(p);
    expect(cleaned).not.toMatch(/Listen to the article|\b0:00\b/);
    for (const p of paras.slice(storyEnd))
      expect(cleaned).not.toContain(p.replace(/^\d+\.\s*/, '').slice(0, 60));
    const names = paras
      .slice(commentsStart, formAt)
      .map((p) => /^(?:\d+\.\s*)?(?:[-–—•]\s*)?(.+?) on$/.exec(p)?.[1])
      .filter((n): n is string => Boolean(n));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const n of names) expect(cleaned).not.toContain(n);
    expect(text('000').removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['reader comment', 'copyright footer']),
    );
  });

  it('drops the stray paragraph and the app plug from 004 but keeps its story', () => {
    const a = text('004');
    expect(a.text).not.toContain('Space Force');
    expect(a.text).not.toMatch(/Moneycontrol/);
    const lines = readFileSync(fileOf('004'), 'utf8')
      .split('\n')
      .filter((l) => l.split(' ').length > 25);
    const kept = lines.filter((l) => a.text.includes(l));
    expect(kept.length).toBe(lines.length - 2);
  });

  it('keeps 001 and 002 whole apart from furniture', () => {
    for (const prefix of ['001', '002']) {
      const long = readFileSync(fileOf(prefix), 'utf8')
        .split('\n')
        .filter((l) => l.split(' ').length > 25);
      for (const l of long) expect(text(prefix).text).toContain(l.trim());
    }
  });

  it('reports all five unchanged on a second run', async () => {
    const again = await runIngest(store, { corpusDirs: [dir], feeds: false, config: loadConfig({}) });
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 5 });
  });

  it('holds through the real CLI: 5 new, then 5 unchanged', async () => {
    const db = join(tempDir(), 'cli.db');
    const run = async () => {
      const { stdout } = await exec(
        process.execPath,
        ['bin/newsdesk.js', 'ingest', '--corpus', dir, '--db', db, '--json'],
        {
          env: { ...process.env, LOG_LEVEL: 'silent' },
        },
      );
      return JSON.parse(stdout) as IngestReport;
    };
    const first = await run();
    expect(first.new).toBe(5);
    expect(first.articles).toHaveLength(5);
    expect(Object.keys(first.articles[0]!).sort()).toEqual(
      ['id', 'path', 'published', 'publishedEstimated', 'source', 'title', 'words'].sort(),
    );
    expect((await run()).unchanged).toBe(5);
  }, 120_000);
});
