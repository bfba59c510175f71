import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { UserError } from '../core/errors.ts';
import { indexArticles } from '../knowledge/index.ts';
import type { FileArticle, FileStat } from '../store/articles.ts';
import type { Store } from '../store/index.ts';
import { hashText } from './hash.ts';
import type { Prepared } from './prepare.ts';
import { PreparePool } from './prepare-pool.ts';
import { decodeText } from './readers/decode.ts';
import { parseCorpusFile, readerFor } from './readers/parse.ts';
import { type IngestReport, mergeReports } from './report.ts';
import { nearDuplicateIndexOf, saveArticles } from './save.ts';
import type { RawArticle } from './types.ts';

/** Articles per transaction. */
const BATCH = 500;
/** Articles per worker job. */
const CHUNK = 125;
/** Below this many files a run prepares on the main thread: starting workers would cost more. */
const POOL_MIN_FILES = 1000;
const MAX_IN_FLIGHT = 12;

/** Every file under dir (recursively, skipping dot-folders such as .git), in a stable order. */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') visit(p);
      } else if (e.isFile() || (e.isSymbolicLink() && statSync(p, { throwIfNoEntry: false })?.isFile()))
        out.push(p);
    }
  };
  visit(dir);
  return out;
}

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
  const files = roots.flatMap((root) => walkFiles(root));
  const known = new Map<string, FileArticle[]>();
  for (const a of store.articles.fileArticles()) {
    const list = known.get(a.path);
    if (list) list.push(a);
    else known.set(a.path, [a]);
  }
  const lastStats = store.articles.fileStats();
  const newStats: FileStat[] = [];
  const nearDuplicates = nearDuplicateIndexOf(store);
  const seen = new Set<string>();
  const pool = files.length >= POOL_MIN_FILES ? new PreparePool() : undefined;
  const inFlight: { raws: RawArticle[]; prepared: Promise<Prepared[]> }[] = [];
  let ready: { raws: RawArticle[]; prepared: (Prepared | undefined)[] } = { raws: [], prepared: [] };
  let chunk: RawArticle[] = [];

  const save = (force: boolean) => {
    if (!ready.raws.length || (!force && ready.raws.length < BATCH)) return;
    const saved = saveArticles(store, ready.raws, {
      nearDuplicates,
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
    for (const [i, path] of files.entries()) {
      const read = readCorpusFile(path, options.maxFileBytes, known.get(path), lastStats.get(path));
      if ('stat' in read && read.stat) newStats.push(read.stat);
      if ('skipped' in read) report.skipped++;
      else if ('error' in read) report.failed.push({ path, error: read.error });
      else if ('unchanged' in read) {
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
  | { error: string }
  | { unchanged: FileArticle[]; stat?: FileStat }
  | { raws: RawArticle[]; stat: FileStat };

const allStoredAs = (stored: FileArticle[] | undefined, fileHash: string) =>
  Boolean(stored?.length && stored.every((a) => a.fileHash === fileHash && a.status === 'active'));

function readCorpusFile(
  path: string,
  maxBytes: number,
  stored: FileArticle[] | undefined,
  last: FileStat | undefined,
): FileRead {
  if (!readerFor(path)) return { skipped: true };
  try {
    const { size, mtimeMs } = statSync(path);
    if (size === 0) return { error: 'empty file' };
    if (size > maxBytes) return { error: `file too large (${size} bytes; MAX_FILE_BYTES is ${maxBytes})` };
    // Same size and modification time as when it was last read, and stored from that read: skip the read.
    if (last && last.size === size && last.mtimeMs === mtimeMs && allStoredAs(stored, last.fileHash)) {
      return { unchanged: stored! };
    }
    const buf = readFileSync(path);
    const fileHash = hashText(buf);
    const stat = { path, size, mtimeMs, fileHash };
    if (allStoredAs(stored, fileHash)) return { unchanged: stored!, stat };
    const decoded = decodeText(buf);
    if ('error' in decoded) return decoded;
    if (!decoded.text.trim()) return { error: 'empty file (whitespace only)' };
    return { raws: parseCorpusFile(path, decoded.text, fileHash), stat };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
