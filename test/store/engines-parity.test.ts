import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineResult } from '../../src/knowledge/types.ts';
import { OWN_FIXTURES } from '../knowledge/corpus.ts';
import { freshPostgresDatabase, postgresMissing } from '../support/postgres.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/newsdesk.js');
const ENV = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: process.env.HOME ?? '/tmp' };

/** The CLI's stdout; a command that exits non-zero (whois with no match) still printed its JSON. */
const cli = (db: string, ...args: string[]) =>
  run('node', [BIN, ...args, '--db', db], { env: ENV }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => e.stdout ?? '',
  );

const missing = postgresMissing();

/**
 * The contract of DATABASE_URL: the same commands print the same JSON whichever engine holds the
 * store. Our own fixtures are ingested by the real CLI into a SQLite file and a PostgreSQL database,
 * then every read command is run against both and compared whole.
 */
describe.skipIf(missing !== '')(
  `the same JSON from SQLite and PostgreSQL${missing ? ` (${missing})` : ''}`,
  () => {
    let dir = '';
    let sqlite = '';
    let postgres = '';

    beforeAll(async () => {
      // One store for the whole suite (useTempDirs would remove it after the first test).
      dir = mkdtempSync(join(tmpdir(), 'newsdesk-parity-'));
      sqlite = join(dir, 'store.db');
      postgres = freshPostgresDatabase();
      const [a, b] = await Promise.all(
        [sqlite, postgres].map((db) => cli(db, 'ingest', '--corpus', OWN_FIXTURES, '--json')),
      );
      const counts = (out: string) => {
        const { new: added, failed } = JSON.parse(out) as { new: number; failed: unknown[] };
        return { added, failed: failed.length };
      };
      expect(counts(b!)).toEqual(counts(a!));
      expect(counts(a!).added).toBeGreaterThan(0);
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const both = async (...args: string[]) => {
      const [a, b] = await Promise.all([cli(sqlite, ...args), cli(postgres, ...args)]);
      return { sqlite: JSON.parse(a) as unknown, postgres: JSON.parse(b) as unknown };
    };

    it('articles and one article', async () => {
      const list = await both('articles', '--json');
      expect(list.postgres).toEqual(list.sqlite);
      const first = (list.sqlite as { id: number }[])[0]!;
      const one = await both('articles', 'show', String(first.id), '--json');
      const { ingestedAt: _a, updatedAt: _b, ...fromSqlite } = one.sqlite as Record<string, unknown>;
      const { ingestedAt: _c, updatedAt: _d, ...fromPostgres } = one.postgres as Record<string, unknown>;
      expect(fromPostgres).toEqual(fromSqlite);
    });

    it('the timeline, whole, by query words and by date', async () => {
      const all = await both('timeline', '--json');
      expect(all.postgres).toEqual(all.sqlite);
      const events = (all.sqlite as TimelineResult).events;
      expect(events.length).toBeGreaterThan(0);
      const word = events[0]!.title.split(/\s+/).find((w) => w.length > 4) ?? events[0]!.title;
      const byWord = await both('timeline', '--query', word, '--json');
      expect(byWord.postgres).toEqual(byWord.sqlite);
      expect((byWord.sqlite as TimelineResult).events.length).toBeGreaterThan(0);
      const from = await both('timeline', '--from', events[0]!.date.slice(0, 7), '--limit', '5', '--json');
      expect(from.postgres).toEqual(from.sqlite);
    });

    it('whois of every actor the timeline names', async () => {
      const events = ((await both('timeline', '--json')).sqlite as TimelineResult).events;
      const names = [...new Set(events.flatMap((e) => e.actors))].slice(0, 12);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const r = await both('whois', name, '--json');
        expect(r.postgres, name).toEqual(r.sqlite);
      }
    });
  },
);
