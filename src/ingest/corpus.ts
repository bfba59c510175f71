import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { errorMessage, UserError } from '../core/errors.ts';
import { indexArticles } from '../knowledge/index.ts';
import type { FileArticle, FileStat } from '../store/articles.ts';
import type { Store } from '../store/index.ts';
import { isUnderAny, OUTSIDE, walkCorpus } from './corpus-walk.ts';
import { hashText } from './hash.ts';
import type { Prepared } from './prepare.ts';
import { PreparePool } from './prepare-pool.ts';
import { decodeText } from './readers/decode.ts';
import { parseCorpusFile, readerFor } from './readers/parse.ts';
import { type IngestReport, mergeReports } from './report.ts';
import { saveArticles } from './save.ts';
import type { RawArticle } from './types.ts';

/** Articles per transaction. */
const BATCH = 500;
/** Articles per worker job. */
const CHUNK = 125;
/** Below this many files a run prepares on the main thread: starting workers would cost more. */
const POOL_MIN_FILES = 1000;
const MAX_IN_FLIGHT = 12;

export interface CorpusOptions {
  maxFileBytes: number;
  onProgress?: (done: number, total: number) => void;
  /** Have knowledge index what changed (default true). */
  index?: boolean;
}

/**
 * Ingests the corpus folders into the report: new and changed files are cleaned and stored in
 * batches (one transaction each), unchanged files (same raw hash) are only listed, files gone from a
 * folder are marked removed. A bad file is reported in `failed` and never stops the run. Large runs
 * clean in worker threads while this thread reads files and writes the store.
 */
export async function ingestCorpus(
  store: Store,
  dirs: string[],
  options: CorpusOptions,
  report: IngestReport,
): Promise<void> {
  const roots = dirs.map((d) => resolve(d));
  for (const root of roots) {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UserError(`corpus folder not found: ${root}`);
    }
  }
  const walks = roots.map((root) => walkCorpus(root));
  const files = walks.flatMap((w) => w.files.map((path) => ({ path, folder: w.real })));
  // Stored articles under what could not be read are kept: unreadable is not deleted.
  const unreadable = walks.flatMap((w) => w.unreadable);
  for (const w of walks) report.failed.push(...w.failed);
  const known = new Map<string, FileArticle[]>();
  for (const a of store.articles.fileArticles()) {
    const list = known.get(a.path);
    if (list) list.push(a);
    else known.set(a.path, [a]);
  }
  const lastStats = store.articles.fileStats();
  const newStats: FileStat[] = [];
  const seen = new Set<string>();
  const pool = files.length >= POOL_MIN_FILES ? new PreparePool() : undefined;
  const inFlight: { raws: RawArticle[]; prepared: Promise<Prepared[]> }[] = [];
  let ready: { raws: RawArticle[]; prepared: (Prepared | undefined)[] } = { raws: [], prepared: [] };
  let chunk: RawArticle[] = [];

  const save = (force: boolean) => {
    if (!ready.raws.length || (!force && ready.raws.length < BATCH)) return;
    const saved = saveArticles(store, ready.raws, {
      prepared: ready.prepared,
      index: options.index,
    });
    mergeReports(report, saved);
    ready = { raws: [], prepared: [] };
  };
  const takeHead = async () => {
    const head = inFlight.shift()!;
    ready.raws.push(...head.raws);
    ready.prepared.push(...(await head.prepared));
    save(false);
  };
  const send = async () => {
    if (!chunk.length) return;
    if (pool) {
      inFlight.push({ raws: chunk, prepared: pool.prepare(chunk, options.index !== false) });
      if (inFlight.length >= MAX_IN_FLIGHT) await takeHead();
    } else {
      ready.raws.push(...chunk);
      ready.prepared.push(...chunk.map(() => undefined));
      save(false);
    }
    chunk = [];
  };

  try {
    for (const [i, { path, folder }] of files.entries()) {
      const read = readCorpusFile(path, folder, options.maxFileBytes, known.get(path), lastStats.get(path));
      if ('stat' in read && read.stat) newStats.push(read.stat);
      if ('skipped' in read) report.skipped++;
      else if ('error' in read) {
        report.failed.push({ path, error: read.error });
        if (read.unreadable) unreadable.push(path);
      } else if ('unchanged' in read) {
        for (const a of read.unchanged) seen.add(a.origin);
        report.unchanged += read.unchanged.length;
        report.articles.push(...read.unchanged.map((a) => a.summary));
      } else {
        for (const raw of read.raws) seen.add(raw.origin);
        chunk.push(...read.raws);
        if (chunk.length >= CHUNK) await send();
      }
      options.onProgress?.(i + 1, files.length);
    }
    await send();
    while (inFlight.length) await takeHead();
    save(true);
  } finally {
    await pool?.close();
  }
  for (const [path, stored] of known) {
    if (isUnderAny(path, unreadable)) for (const a of stored) seen.add(a.origin);
  }
  const gone = store.transaction(() => {
    store.articles.recordFileStats(newStats);
    return roots.flatMap((root) => store.articles.markMissingFilesRemoved(root + sep, seen));
  });
  report.removed += gone.length;
  // A removed article must stop feeding whois and timeline too: re-indexing clears what it contributed.
  if (gone.length && options.index !== false) indexArticles(store, gone);
}

type FileRead =
  | { skipped: true }
  | { error: string; unreadable?: boolean }
  | { unchanged: FileArticle[]; stat?: FileStat }
  | { raws: RawArticle[]; stat: FileStat };

const allStoredAs = (stored: FileArticle[] | undefined, fileHash: string) =>
  Boolean(stored?.length && stored.every((a) => a.fileHash === fileHash && a.status === 'active'));

/**
 * Reads one corpus file (unless its size and time say it is stored as it is). It is read through its
 * real path, checked again here to lie inside the corpus folder: a link changed since the walk is not
 * followed out of it either.
 */
function readCorpusFile(
  path: string,
  folder: string,
  maxBytes: number,
  stored: FileArticle[] | undefined,
  last: FileStat | undefined,
): FileRead {
  if (!readerFor(path)) return { skipped: true };
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (err) {
    return { error: errorMessage(err), unreadable: true };
  }
  if (!isUnderAny(real, [folder])) return { error: OUTSIDE };
  try {
    const { size, mtimeMs } = statSync(real);
    if (size === 0) return { error: 'empty file' };
    if (size > maxBytes) return { error: `file too large (${size} bytes; MAX_FILE_BYTES is ${maxBytes})` };
    // Same size and modification time as when it was last read, and stored from that read: skip the read.
    if (last && last.size === size && last.mtimeMs === mtimeMs && allStoredAs(stored, last.fileHash)) {
      return { unchanged: stored! };
    }
    const buf = readFileSync(real);
    const fileHash = hashText(buf);
    const stat = { path, size, mtimeMs, fileHash };
    if (allStoredAs(stored, fileHash)) return { unchanged: stored!, stat };
    const decoded = decodeText(buf);
    if ('error' in decoded) return decoded;
    if (!decoded.text.trim()) return { error: 'empty file (whitespace only)' };
    return { raws: parseCorpusFile(path, decoded.text, fileHash), stat };
  } catch (err) {
    // A file the system would not let us read is still there: an error, not a deletion.
    const errno = (err as NodeJS.ErrnoException).code !== undefined;
    return { error: errorMessage(err), unreadable: errno };
  }
}
