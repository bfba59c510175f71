import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { NotAStoreError, StoreEmptyFileError } from './errors.ts';
import { runMigrations } from './migrate.ts';
import { BUSY_TIMEOUT_MS } from './transaction.ts';

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const notAStore = (file: string, why: string, cause?: unknown) =>
  new NotAStoreError(
    `${file} is not a newsdesk store (${why}); NEWSDESK_DB or --db must name a newsdesk store or a new path`,
    cause === undefined ? undefined : { cause },
  );

/** Refuses, before anything opens it for writing, a file that cannot be a newsdesk store. */
function checkFile(file: string): void {
  const stat = statSync(file);
  if (!stat.isFile()) throw notAStore(file, 'not a regular file');
  if (stat.size === 0) {
    throw new StoreEmptyFileError(
      `${file} is an empty file, not a newsdesk store: remove it to start a new store there, or point NEWSDESK_DB or --db at the store`,
    );
  }
  if (!readHeader(file).equals(SQLITE_HEADER)) throw notAStore(file, 'not a SQLite database');
}

/** Refuses a SQLite database of another program: it has tables, and none of them is ours. */
function checkSchema(db: Database.Database, file: string): void {
  let tables: string[];
  try {
    tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } catch (err) {
    throw notAStore(file, 'an unreadable SQLite database', err);
  }
  if (tables.length && !tables.includes('schema_migrations')) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
    throw notAStore(file, `a SQLite database with other tables: ${shown}`);
  }
}

function configure(db: Database.Database): void {
  // First, so that switching the journal mode already waits for another process's lock.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  // WAL's default (NORMAL) can lose the last committed transaction on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/**
 * Creates a store at a path where none exists, complete before it appears: it is built under a
 * temporary name beside it and linked into place only if the path is still free. A second process
 * creating the same store meanwhile therefore never sees a half-made (or empty) file; whoever links
 * second opens the first one's store.
 */
function createStore(file: string): void {
  const temp = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  const db = new Database(temp);
  try {
    configure(db);
    runMigrations(db);
  } finally {
    db.close();
  }
  try {
    linkSync(temp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A file system without hard links: rename, with the small race that brings.
    if (code !== 'EEXIST' && !existsSync(file)) renameSync(temp, file);
    else if (code !== 'EEXIST') throw err;
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

/**
 * Opens the SQLite database at `file` (an absolute path, its folder existing) as a newsdesk store:
 * creates it where nothing exists, refuses anything that is not one (never writing
 * to it), and brings its schema up to date.
 */
export function openDatabase(file: string): Database.Database {
  if (file === ':memory:') {
    const db = new Database(file);
    configure(db);
    runMigrations(db);
    return db;
  }
  if (!existsSync(file)) createStore(file);
  checkFile(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    checkSchema(db, file);
    configure(db);
    runMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
