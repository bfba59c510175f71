import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/newsdesk.js');
const ENV = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: process.env.HOME ?? '/tmp' };
const tempDir = useTempDirs('newsdesk-shared-');

/** Runs `newsdesk ingest` to its end; resolves with its exit code and output, failed or not. */
const ingest = (corpus: string, db: string) =>
  run('node', [BIN, 'ingest', '--corpus', corpus, '--db', db, '--json'], {
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('one store shared by several processes', () => {
  it('lets two `newsdesk ingest` processes write one new store at once, each article stored once', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    // Enough files that the two runs' write transactions overlap (250 failed 3 times in 3 before).
    writeSyntheticCorpus(corpus, 250);
    const db = join(dir, 'store.db');
    const [first, second] = await Promise.all([ingest(corpus, db), ingest(corpus, db)]);
    for (const result of [first, second]) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { failed: unknown[]; articles: unknown[] };
      expect(report.failed).toEqual([]);
      expect(report.articles).toHaveLength(250);
    }
    const store = openStore(db);
    expect(store.articles.count()).toBe(250);
    store.close();
  }, 180_000);
});
