import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const tempDir = useTempDirs('newsdesk-open-');

/** Opens the path as a store and returns the coded error it must refuse it with. */
function refusal(path: string): CodedError {
  try {
    openStore(path).close();
  } catch (err) {
    if (err instanceof CodedError) return err;
    throw err;
  }
  throw new Error(`${path} was opened as a store`);
}

function foreignDatabase(path: string): void {
  const db = new Database(path);
  db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)');
  db.close();
}

describe('opening the store file', () => {
  it('refuses a 0-byte file (ERR_STORE_EMPTY_FILE) and leaves it empty', () => {
    const path = join(tempDir(), 'store.db');
    writeFileSync(path, '');
    const err = refusal(path);
    expect(err.code).toBe('ERR_STORE_EMPTY_FILE');
    expect(err.message).toContain(path);
    expect(readFileSync(path)).toHaveLength(0);
    expect(readdirSync(resolve(path, '..'))).toEqual(['store.db']);
  });

  it('refuses a file that is not SQLite (ERR_STORE_NOT_NEWSDESK) without writing to it', () => {
    const path = join(tempDir(), 'notes.txt');
    const text = 'Minutes of the meeting.\n'.repeat(200);
    writeFileSync(path, text);
    const err = refusal(path);
    expect(err.code).toBe('ERR_STORE_NOT_NEWSDESK');
    expect(err.message).toMatch(/not a SQLite database/);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readdirSync(resolve(path, '..'))).toEqual(['notes.txt']);
  });

  it("refuses another program's SQLite database (ERR_STORE_NOT_NEWSDESK) without writing to it", () => {
    const path = join(tempDir(), 'accounts.db');
    foreignDatabase(path);
    const before = readFileSync(path);
    const err = refusal(path);
    expect(err.code).toBe('ERR_STORE_NOT_NEWSDESK');
    expect(err.message).toMatch(/other tables: invoices/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(resolve(path, '..'))).toEqual(['accounts.db']);
  });

  it('creates a store at a brand new path, leaving no temporary file beside it', () => {
    const dir = tempDir();
    const path = join(dir, 'nested', 'store.db');
    const store = openStore(path);
    expect(store.articles.count()).toBe(0);
    store.close();
    expect(readdirSync(join(dir, 'nested'))).toEqual(['store.db']);
    openStore(path).close();
  });

  it('stops the bot at start-up with one clear line and exit code 1 on a file that is not a store', async () => {
    const path = join(tempDir(), 'store.db');
    writeFileSync(path, '');
    const env = { PATH: process.env.PATH ?? '', NEWSDESK_DB: path, LOG_LEVEL: 'silent', HOME: '/tmp' };
    const failed = await run(process.execPath, ['bin/newsdesk-bot.js'], { cwd: ROOT, env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split('\n')).toEqual([
      `newsdesk: ${path} is an empty file, not a newsdesk store: remove it to start a new store there, or point NEWSDESK_DB or --db at the store`,
    ]);
    expect(readFileSync(path)).toHaveLength(0);
  }, 120_000);

  it('stops a CLI command with one clear line and exit code 1 on a foreign database', async () => {
    const path = join(tempDir(), 'accounts.db');
    foreignDatabase(path);
    const before = readFileSync(path);
    const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: '/tmp' };
    const failed = await run(process.execPath, ['bin/newsdesk.js', 'articles', '--db', path], {
      cwd: ROOT,
      env,
    }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed?.stderr).toMatch(
      /accounts\.db is not a newsdesk store \(a SQLite database with other tables/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 120_000);
});
