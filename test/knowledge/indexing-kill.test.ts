import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rng, SYLLABLES } from '../../bench/synthetic-corpus.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-index-kill-');
const BIN = resolve(import.meta.dirname, '../../bin/newsdesk.js');
const ENV = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: process.env.HOME ?? '/tmp' };
/** More than two ingest batches (500 articles each), and enough to prepare them in worker threads. */
const ARTICLES = 1200;

/**
 * Articles of our own words: random vocabulary (so that none is a near duplicate of another), and in
 * each, two officials named with a title, so every article has knowledge to find.
 */
function writeCorpus(dir: string): void {
  const rand = rng(11);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
  const name = () => {
    const w = word();
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const filler = () => Array.from({ length: 14 }, word).join(' ');
  for (let i = 0; i < ARTICLES; i++) {
    const sub = join(dir, `part-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const body = [
      `Foreign Minister ${name()} ${name()} met Ambassador ${name()} ${name()} in the capital on ${day}.`,
      `The ${filler()}.`,
      `Both sides said the ${filler()}, and agreed to meet again next month.`,
      `Officials added that the ${filler()}.`,
    ].join('\n\n');
    writeFileSync(
      join(sub, `report-${i}.md`),
      `---\ntitle: "Report ${i}: ${word()} ${word()}"\ndate: ${day}\n---\n\n${body}\n`,
    );
  }
}

const ingestArgs = (corpus: string, db: string) => [BIN, 'ingest', '--corpus', corpus, '--db', db, '--json'];

/** Stored articles as another process sees them; 0 while the store does not exist yet. */
function storedArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

// Each child starts the CLI afresh (seconds on a busy machine): generous time, no timing assumptions.
describe('an ingest killed mid-run', { timeout: 600_000 }, () => {
  it('leaves, after one rerun, every article indexed', async () => {
    const corpus = join(tempDir(), 'corpus');
    const db = join(tempDir(), 'store.db');
    writeCorpus(corpus);

    const started = Date.now();
    const child = spawn(process.execPath, ingestArgs(corpus, db), { env: ENV, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let killedAt = -1;
    let finished = false;
    void exited.then(() => {
      finished = true;
    });
    while (!finished) {
      const stored = storedArticles(db);
      if (stored > 0 && stored < ARTICLES) {
        child.kill('SIGKILL');
        killedAt = stored;
        break;
      }
      await sleep(20);
    }
    await exited;
    // The run must really have been cut short: a run that finished first proves nothing.
    expect(killedAt, 'the ingest finished before it could be killed').toBeGreaterThan(0);

    const { stdout } = await promisify(execFile)(process.execPath, ingestArgs(corpus, db), {
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    const rerun = JSON.parse(stdout) as { new: number; unchanged: number; failed: unknown[] };
    expect(rerun.failed).toEqual([]);
    expect(rerun.new + rerun.unchanged).toBe(ARTICLES);

    const store = new Database(db, { readonly: true });
    const articles = store
      .prepare(
        `SELECT a.id, a.path, k.found, k.article_updated_at = a.updated_at AS fresh,
           (SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.id) AS mentions
         FROM articles a LEFT JOIN knowledge_indexed k ON k.article_id = a.id
         WHERE a.status = 'active' AND a.duplicate_of IS NULL`,
      )
      .all() as { id: number; path: string; found: number | null; fresh: number; mentions: number }[];
    store.close();
    console.log(
      `killed at ${killedAt} of ${ARTICLES} articles stored; rerun: ${rerun.new} new, ${rerun.unchanged} unchanged; ` +
        `${articles.filter((a) => a.mentions > 0).length} articles with knowledge; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(articles).toHaveLength(ARTICLES);
    // Each article has its knowledge rows, or an explicit "indexed, nothing found" mark.
    const unindexed = articles.filter((a) => !(a.mentions > 0 || (a.found === 0 && a.fresh)));
    expect(unindexed.map((a) => a.path)).toEqual([]);
    // Every generated article names two officials: each has knowledge, not only a mark.
    expect(articles.filter((a) => a.mentions === 0).map((a) => a.path)).toEqual([]);
  });
});
