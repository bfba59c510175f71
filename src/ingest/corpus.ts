import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { UserError } from '../core/errors.ts';
import type { FileArticle } from '../store/articles.ts';
import type { Store } from '../store/index.ts';
import { hashText } from './hash.ts';
import type { IngestReport } from './index.ts';
import { decodeText } from './readers/decode.ts';
import { parseCorpusFile, readerFor } from './readers/parse.ts';
import { nearDuplicateIndexOf, saveArticles } from './save.ts';
import type { RawArticle } from './types.ts';

const BATCH = 500;

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

/**
 * Ingests the corpus folders into the report: new and changed files are cleaned and stored in
 * batches (one transaction each), unchanged files (same raw hash) are only listed, files gone from a
 * folder are marked removed. A bad file is reported in `failed` and never stops the run.
 */
export function ingestCorpus(
  store: Store,
  dirs: string[],
  maxFileBytes: number,
  report: IngestReport,
  onProgress?: (done: number, total: number) => void,
): void {
  const roots = dirs.map((d) => resolve(d));
  for (const root of roots) {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
      throw new UserError(`corpus folder not found: ${root}`);
  }
  const files = roots.flatMap((root) => walkFiles(root).map((path) => ({ root, path })));
  const known = new Map<string, FileArticle[]>();
  for (const a of store.articles.fileArticles()) {
    const list = known.get(a.path);
    if (list) list.push(a);
    else known.set(a.path, [a]);
  }
  const nearDuplicates = nearDuplicateIndexOf(store);
  const seen = new Set<string>();
  let batch: RawArticle[] = [];
  const flush = () => {
    if (!batch.length) return;
    const saved = saveArticles(store, batch, { nearDuplicates });
    report.new += saved.new;
    report.updated += saved.updated;
    report.unchanged += saved.unchanged;
    report.duplicates += saved.duplicates;
    report.articles.push(...saved.articles);
    batch = [];
  };

  files.forEach(({ path }, i) => {
    const read = readCorpusFile(path, maxFileBytes, known.get(path));
    if ('skipped' in read) report.skipped++;
    else if ('error' in read) report.failed.push({ path, error: read.error });
    else if ('unchanged' in read) {
      for (const a of read.unchanged) seen.add(a.origin);
      report.unchanged += read.unchanged.length;
      report.articles.push(...read.unchanged.map((a) => a.summary));
    } else {
      for (const raw of read.raws) seen.add(raw.origin);
      batch.push(...read.raws);
      if (batch.length >= BATCH) flush();
    }
    onProgress?.(i + 1, files.length);
  });
  flush();
  store.transaction(() => {
    for (const root of roots)
      report.removed += store.articles.markMissingFilesRemoved(root + sep, seen).length;
  });
}

type FileRead = { skipped: true } | { error: string } | { unchanged: FileArticle[] } | { raws: RawArticle[] };

function readCorpusFile(path: string, maxBytes: number, stored: FileArticle[] | undefined): FileRead {
  if (!readerFor(path)) return { skipped: true };
  try {
    const size = statSync(path).size;
    if (size === 0) return { error: 'empty file' };
    if (size > maxBytes) return { error: `file too large (${size} bytes; MAX_FILE_BYTES is ${maxBytes})` };
    const buf = readFileSync(path);
    const fileHash = hashText(buf);
    if (stored?.length && stored.every((a) => a.fileHash === fileHash && a.status === 'active')) {
      return { unchanged: stored };
    }
    const decoded = decodeText(buf);
    if ('error' in decoded) return decoded;
    if (!decoded.text.trim()) return { error: 'empty file (whitespace only)' };
    return { raws: parseCorpusFile(path, decoded.text, fileHash) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
