import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../../src/store/engine/sqlite.ts';
import { statementCache } from '../../src/store/statements.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-statements-');
let db: Database.Database | undefined;
afterEach(() => db?.close());

describe('statementCache', () => {
  it('prepares a SQL text once and hands the same statement back', () => {
    db = new Database(join(tempDir(), 'cache.db'));
    db.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2)');
    const sql = statementCache(new SqliteEngine(db));
    const first = sql('SELECT v FROM t ORDER BY v');
    expect(sql('SELECT v FROM t ORDER BY v')).toBe(first);
    expect(sql('SELECT v FROM t ORDER BY v DESC')).not.toBe(first);
  });

  it('gives every caller rows as objects, even after another plucked them', () => {
    db = new Database(join(tempDir(), 'pluck.db'));
    db.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (7)');
    const sql = statementCache(new SqliteEngine(db));
    expect(sql('SELECT v FROM t').pluck().get()).toBe(7);
    expect(sql('SELECT v FROM t').get()).toEqual({ v: 7 });
    // Writes have no rows to pluck: they come back as they are.
    expect(sql('INSERT INTO t VALUES (8)').run().changes).toBe(1);
    expect(sql('INSERT INTO t VALUES (8)').run().changes).toBe(1);
  });
});
