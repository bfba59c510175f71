import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.ts';
import { useTempDirs } from '../../support/temp.ts';
import { FeedServer, serve } from './feed-server.ts';
import { malformedMiddleItem, rss2ContentEncoded } from './fixtures.ts';

const run = promisify(execFile);
const BIN = resolve('bin/newsdesk.js');
const tempDir = useTempDirs('newsdesk-feeds-cli-');

async function newsdesk(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let server: FeedServer;
beforeAll(async () => {
  server = await new FeedServer({
    '/rss': serve(rss2ContentEncoded),
    '/broken': (_req, res) => res.writeHead(500).end('oops'),
  }).start();
});
afterAll(() => server.stop());

describe('newsdesk feeds (CLI)', () => {
  it('`feeds parse` prints one JSON line per file, with plain-text fields and per-file errors', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.xml'), rss2ContentEncoded);
    writeFileSync(join(dir, 'broken.xml'), malformedMiddleItem);
    writeFileSync(join(dir, 'page.html'), '<html><body>hello</body></html>');
    const files = ['good.xml', 'broken.xml', 'page.html'].map((f) => join(dir, f));
    const { code, stdout } = await newsdesk(['feeds', 'parse', '--jsonl', ...files]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      file: files[0],
      ok: true,
      feed: { title: 'The Harbour Gazette - World', language: 'en-gb' },
    });
    expect(Object.keys(lines[0].feed.items[0]).sort()).toEqual([
      'author',
      'content',
      'id',
      'link',
      'published',
      'summary',
      'title',
    ]);
    expect(lines[0].feed.items[0].content).not.toMatch(/<p>|trackReader/);
    expect(lines[1]).toMatchObject({ ok: true });
    expect(lines[2]).toEqual({ file: files[2], ok: false, error: 'not an RSS or Atom feed' });
    expect(code).toBe(1);
  });

  it('`feeds add`, `feeds list --json` and `feeds poll --json` manage and poll a subscription', async () => {
    const db = join(tempDir(), 'store.db');
    const env = { ALLOW_PRIVATE_FEEDS: 'true', FETCH_FULL_TEXT: 'false' };
    const added = await newsdesk(['feeds', 'add', server.url('/rss'), '--db', db], env);
    expect(added.stdout).toMatch(/following #1 .*\/rss \(The Harbour Gazette - World\)/);
    // Adding stored the feed's two items (marked reported, not posted): the poll finds them unchanged.
    const poll = await newsdesk(['feeds', 'poll', '--json', '--db', db], env);
    expect(JSON.parse(poll.stdout)).toMatchObject({ new: 0, failed: [] });
    const list = JSON.parse((await newsdesk(['feeds', 'list', '--json', '--db', db], env)).stdout);
    expect(list).toEqual([
      expect.objectContaining({
        id: 1,
        origin: 'store',
        consecutiveFailures: 0,
        lastError: null,
        itemsSeen: 4,
      }),
    ]);
    expect(list[0].lastSuccess).toEqual(expect.any(String));
  });

  it('`feeds add --include/--exclude` keeps the terms of an items subscription and refuses a bad pattern', async () => {
    const db = join(tempDir(), 'store.db');
    const env = { ALLOW_PRIVATE_FEEDS: 'true', FETCH_FULL_TEXT: 'false' };
    const addItems = (...terms: string[]) =>
      newsdesk(
        ['feeds', 'add', server.url('/rss'), '--mode', 'items', '--channel', 'C1', ...terms, '--db', db],
        env,
      );
    const bad = await addItems('--include', '/(a/');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/(a/');
    const added = await addItems('--include', 'ceasefire, /tru[cs]e/i', '--exclude', 'rumour', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      mode: 'items',
      filters: { include: ['ceasefire', '/tru[cs]e/i'], exclude: ['rumour'] },
    });
    const store = openStore(db);
    try {
      expect([...store.itemPosts.filters('operator').values()]).toEqual([
        { include: ['ceasefire', '/tru[cs]e/i'], exclude: ['rumour'] },
      ]);
    } finally {
      store.close();
    }
  });

  it('`feeds poll` exits 1 and says ok: false in --json when a feed fails, and stores the others', async () => {
    const db = join(tempDir(), 'store.db');
    const env = {
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
      FEEDS: `${server.url('/rss')},${server.url('/broken')}`,
    };
    const poll = await newsdesk(['feeds', 'poll', '--json', '--db', db], env);
    expect(poll.code).toBe(1);
    expect(JSON.parse(poll.stdout)).toMatchObject({
      ok: false,
      new: 2,
      feeds: { polled: 2, failed: 1 },
      failed: [{ path: server.url('/broken'), error: expect.stringMatching(/500/) }],
    });
    const text = await newsdesk(['feeds', 'poll', '--db', db], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^failed: .*\/broken: /m);
  }, 120_000);

  it('refuses a private address with one clear line and a non-zero exit', async () => {
    const db = join(tempDir(), 'store.db');
    const { code, stderr } = await newsdesk(['feeds', 'add', server.url('/rss'), '--db', db], {
      ALLOW_PRIVATE_FEEDS: 'false',
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^newsdesk: cannot follow .*127\.0\.0\.1 is a loopback address \(not public\)$/,
    );
  });
});
