import type { Database } from 'better-sqlite3';
import { StoreBusyError } from './errors.ts';

/** How long SQLite itself waits for another connection's lock before answering SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 15_000;
/** Further waits after SQLite gave up: a long ingest batch in another process may hold the lock a while. */
const BUSY_RETRIES = 3;

const isBusy = (err: unknown): boolean =>
  typeof (err as { code?: unknown })?.code === 'string' &&
  (err as { code: string }).code.startsWith('SQLITE_BUSY');

/** Sleeps this thread: better-sqlite3 is synchronous, and so is everything inside a transaction. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs one statement, again after a short jittered pause while another process holds the lock. */
function runPatiently(db: Database, sql: 'BEGIN IMMEDIATE' | 'COMMIT'): void {
  for (let attempt = 0; ; attempt++) {
    try {
      db.prepare(sql).run();
      return;
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (attempt >= BUSY_RETRIES) {
        throw new StoreBusyError(
          `the store stayed locked by another process (${sql} waited ${((attempt + 1) * BUSY_TIMEOUT_MS) / 1000} s)`,
          { cause: err },
        );
      }
      pause(50 + Math.random() * 200);
    }
  }
}

/**
 * Runs fn as one write transaction shared safely with other processes (the bot, the CLI, a second
 * ingest). It takes the write lock up front (BEGIN IMMEDIATE): a deferred transaction that reads
 * and then writes gets SQLITE_BUSY at once when another process wrote in between, with no wait.
 * A busy COMMIT is retried as it stands (SQLite keeps the transaction open), so fn runs exactly
 * once. Inside a transaction already open, fn runs in a savepoint.
 */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)();
  runPatiently(db, 'BEGIN IMMEDIATE');
  try {
    const result = fn();
    if (result instanceof Promise) throw new TypeError('a store transaction cannot wait for a promise');
    runPatiently(db, 'COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.prepare('ROLLBACK').run();
    throw err;
  }
}
