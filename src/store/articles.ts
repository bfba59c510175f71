import {
  type ArticleInput,
  type ArticleRow,
  COLUMNS,
  fromRow,
  NEXT_REVISION,
  type RawRow,
  toParams,
} from './article-rows.ts';
import { idList, likeAnyCase, textList } from './dialect.ts';
import type { Engine, Statement } from './engine/types.ts';
import { ftsQuery } from './fts.ts';
import { ARTICLE_TSV, RANK_WEIGHTS, TSQUERY, tsQueryOf } from './pg-fts.ts';
import { statementCache } from './statements.ts';
import type { Audience } from './tenants.ts';

export type { ArticleInput, ArticleRow, RemovedBlock } from './article-rows.ts';

import { visibleArticle, visibleTo } from './visibility.ts';

/** The public article shape of `ingest --json` and `articles --json`. */
export interface ArticleSummary {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  publishedEstimated: boolean;
  path?: string;
  url?: string;
  words: number;
}

export interface ArticleOrigin {
  id: number;
  fileHash: string | null;
  contentHash: string;
  status: 'active' | 'removed';
}

export function toSummary(
  a: Pick<
    ArticleRow,
    'id' | 'title' | 'source' | 'published' | 'publishedEstimated' | 'path' | 'url' | 'words'
  >,
): ArticleSummary {
  const summary: ArticleSummary = {
    id: a.id,
    title: a.title,
    source: a.source ?? null,
    published: a.published,
    publishedEstimated: a.publishedEstimated,
    words: a.words,
  };
  if (a.url) summary.url = a.url;
  else if (a.path) summary.path = a.path;
  return summary;
}

export interface ListOptions {
  /** Only articles published at or after this ISO date. */
  since?: string;
  until?: string;
  includeRemoved?: boolean;
  includeDuplicates?: boolean;
  limit?: number;
  /** Only what this audience may see (its tenant's feeds and the shared sources). */
  audience?: Audience;
}

/** What the corpus reader needs to know about one stored file article to skip it when unchanged. */
export interface FileArticle {
  id: number;
  origin: string;
  path: string;
  fileHash: string | null;
  status: 'active' | 'removed';
  summary: ArticleSummary;
}

/** What a corpus file looked like when it was last read. */
export interface FileStat {
  path: string;
  size: number;
  mtimeMs: number;
  fileHash: string;
}

export class ArticlesRepo {
  private readonly byOrigin: Statement;
  private readonly insertStmt: Statement;
  private readonly updateStmt: Statement;
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Engine) {
    this.sql = statementCache(db);
    this.byOrigin = db.prepare('SELECT id, file_hash, content_hash, status FROM articles WHERE origin = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO articles (${COLUMNS}, status, ingested_at, updated_at, revision)
       VALUES (@origin, @kind, @path, @url, @canonical_url, @guid, @feed_id, @title, @source, @author, @published,
         @published_estimated, @date_source, @text, @removed, @tags, @words, @file_hash, @content_hash, @simhash,
         @duplicate_of, 'active', @now, @now, ${NEXT_REVISION}) RETURNING id`,
    );
    this.updateStmt = db.prepare(
      `UPDATE articles SET ${COLUMNS.split(',')
        .map((c) => `${c.trim()} = @${c.trim()}`)
        .join(', ')}, status = 'active', updated_at = @now, revision = ${NEXT_REVISION} WHERE id = @id`,
    );
  }

  findByOrigin(origin: string): ArticleOrigin | undefined {
    const r = this.byOrigin.get(origin) as
      | { id: number; file_hash: string | null; content_hash: string; status: 'active' | 'removed' }
      | undefined;
    return r && { id: r.id, fileHash: r.file_hash, contentHash: r.content_hash, status: r.status };
  }

  /** findByOrigin of many origins in one query: the stored ones by origin. */
  findByOrigins(origins: string[]): Map<string, ArticleOrigin> {
    if (origins.length === 0) return new Map();
    const rows = this.sql(
      `SELECT origin, id, file_hash, content_hash, status FROM articles WHERE origin IN ${textList(this.db.dialect)}`,
    ).all(JSON.stringify([...new Set(origins)])) as {
      origin: string;
      id: number;
      file_hash: string | null;
      content_hash: string;
      status: 'active' | 'removed';
    }[];
    return new Map(
      rows.map((r) => [
        r.origin,
        { id: r.id, fileHash: r.file_hash, contentHash: r.content_hash, status: r.status },
      ]),
    );
  }

  /** The summaries (toSummary) of the articles with these ids, by id, in one query. */
  summaries(ids: number[]): Map<number, ArticleSummary> {
    if (ids.length === 0) return new Map();
    const rows = this.sql(
      `SELECT id, title, source, published, published_estimated, path, url, words FROM articles
         WHERE id IN ${idList(this.db.dialect)}`,
    ).all(JSON.stringify(ids)) as (Pick<RawRow, 'id' | 'title' | 'source' | 'published' | 'path' | 'url'> &
      Pick<RawRow, 'published_estimated' | 'words'>)[];
    return new Map(
      rows.map((r) => [r.id, toSummary({ ...r, publishedEstimated: r.published_estimated === 1 })]),
    );
  }

  /**
   * The original an article duplicates by identity or text, in one query: the first active article
   * with its canonical URL or guid, else the first with its cleaned-text hash; never `exceptId`.
   */
  findOriginal(
    a: { canonicalUrl: string | null; guid: string | null; contentHash: string },
    exceptId = -1,
  ): number | undefined {
    return this.sql(
      `SELECT id FROM (
         SELECT id, 0 AS rank FROM articles WHERE ((canonical_url IS NOT NULL AND canonical_url = ?)
           OR (guid IS NOT NULL AND guid = ?)) AND id != ? AND status = 'active'
         UNION ALL
         SELECT id, 1 AS rank FROM articles WHERE content_hash = ? AND id != ? AND status = 'active'
       ) AS found ORDER BY rank, id LIMIT 1`,
    )
      .pluck()
      .get(a.canonicalUrl, a.guid, exceptId, a.contentHash, exceptId) as number | undefined;
  }

  /** Raw hashes of a feed's active items: what a poll of it need not prepare again. */
  feedItemHashes(feedId: number): string[] {
    return this.sql(
      "SELECT file_hash FROM articles WHERE feed_id = ? AND status = 'active' AND file_hash IS NOT NULL",
    )
      .pluck()
      .all(feedId) as string[];
  }

  fileStats(): Map<string, FileStat> {
    const rows = this.sql(
      'SELECT path, size, mtime_ms AS mtimeMs, file_hash AS fileHash FROM file_stats',
    ).all() as FileStat[];
    return new Map(rows.map((r) => [r.path, r]));
  }

  recordFileStats(stats: FileStat[]): void {
    const upsert = this.sql(
      `INSERT INTO file_stats (path, size, mtime_ms, file_hash) VALUES (@path, @size, @mtimeMs, @fileHash)
       ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, file_hash = excluded.file_hash`,
    );
    for (const s of stats) upsert.run(s);
  }

  /** Every stored file article with what `toSummary` needs, in one query (for incremental ingest). */
  fileArticles(): FileArticle[] {
    const rows = this.sql(
      `SELECT id, origin, path, file_hash, status, title, source, published, published_estimated, url, words
       FROM articles WHERE kind = 'file'`,
    ).all() as (Pick<RawRow, 'id' | 'origin' | 'file_hash' | 'status' | 'title' | 'source' | 'published'> &
      Pick<RawRow, 'published_estimated' | 'url' | 'words'> & { path: string })[];
    return rows.map((r) => ({
      id: r.id,
      origin: r.origin,
      path: r.path,
      fileHash: r.file_hash,
      status: r.status,
      summary: toSummary({
        id: r.id,
        title: r.title,
        source: r.source,
        published: r.published,
        publishedEstimated: r.published_estimated === 1,
        path: r.path,
        url: r.url,
        words: r.words,
      }),
    }));
  }

  insert(article: ArticleInput, now = new Date().toISOString()): number {
    return this.insertStmt.pluck().get({ ...toParams(article), now }) as number;
  }

  update(id: number, article: ArticleInput, now = new Date().toISOString()): void {
    this.updateStmt.run({ ...toParams(article), id, now });
  }

  /** Marks removed every active file article under `pathPrefix` whose origin is not in `seen`. */
  markMissingFilesRemoved(pathPrefix: string, seen: Set<string>, now = new Date().toISOString()): number[] {
    const rows = this.sql(
      `SELECT id, origin FROM articles WHERE kind = 'file' AND status = 'active'
         AND path ${likeAnyCase(this.db.dialect)} ? ESCAPE '\\'`,
    ).all(`${pathPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { id: number; origin: string }[];
    const gone = rows.filter((r) => !seen.has(r.origin)).map((r) => r.id);
    const mark = this.sql(
      `UPDATE articles SET status = 'removed', updated_at = ?, revision = ${NEXT_REVISION} WHERE id = ?`,
    );
    if (gone.length)
      this.db.transaction(() => {
        for (const id of gone) mark.run(now, id);
      });
    return gone;
  }

  get(id: number): ArticleRow | undefined {
    const r = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as RawRow | undefined;
    return r && fromRow(r);
  }

  getMany(ids: number[]): ArticleRow[] {
    if (ids.length === 0) return [];
    const rows = this.sql(`SELECT * FROM articles WHERE id IN ${idList(this.db.dialect)}`).all(
      JSON.stringify(ids),
    ) as RawRow[];
    return rows.map(fromRow);
  }

  /** Active, non-duplicate articles by publication date (newest first) unless told otherwise. */
  list(options: ListOptions = {}): ArticleRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!options.includeRemoved) where.push("status = 'active'");
    if (!options.includeDuplicates) where.push('duplicate_of IS NULL');
    if (options.since) {
      where.push('published >= ?');
      params.push(options.since);
    }
    if (options.until) {
      where.push('published < ?');
      params.push(options.until);
    }
    if (options.audience) {
      where.push(visibleArticle('articles'));
      params.push(visibleTo(options.audience));
    }
    const sql = `SELECT * FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY published IS NULL, published DESC, id DESC ${options.limit ? 'LIMIT ?' : ''}`;
    if (options.limit) params.push(options.limit);
    return (this.sql(sql).all(...params) as RawRow[]).map(fromRow);
  }

  count(): number {
    return this.sql("SELECT count(*) FROM articles WHERE status = 'active'").pluck().get() as number;
  }

  /** Fingerprints of active originals, for near-duplicate detection. */
  simhashes(): { id: number; simhash: string }[] {
    return this.sql(
      "SELECT id, simhash FROM articles WHERE status = 'active' AND duplicate_of IS NULL AND simhash IS NOT NULL",
    ).all() as { id: number; simhash: string }[];
  }

  /** The revision of the last article write (0 before any since revisions were kept). */
  lastRevision(): number {
    return Number(this.sql('SELECT coalesce(max(revision), 0) FROM articles').pluck().get());
  }

  /**
   * The articles written after `revision`, in the order of their writes: each with its fingerprint
   * when it is an active original that has one (what simhashes() lists), null when it is not (any
   * more). A reader that keeps the last revision it saw misses no write of any process.
   */
  fingerprintsSince(revision: number): { id: number; simhash: string | null; revision: number }[] {
    return this.sql(
      `SELECT id, CASE WHEN status = 'active' AND duplicate_of IS NULL THEN simhash END AS simhash, revision
         FROM articles WHERE revision > ? ORDER BY revision`,
    ).all(revision) as { id: number; simhash: string | null; revision: number }[];
  }

  /**
   * Full-text search over title and text. `query` is user text: it is quoted term by term, never
   * passed to MATCH raw. Returns ids with BM25 scores (lower is better), best first.
   */
  search(
    query: string,
    options: { limit?: number; mode?: 'all' | 'any'; audience?: Audience } = {},
  ): { id: number; score: number }[] {
    const match = ftsQuery(query, options.mode ?? 'any');
    if (!match) return [];
    const visible = options.audience ? `AND ${visibleArticle('a')}` : '';
    const audience = options.audience ? [visibleTo(options.audience)] : [];
    if (this.db.dialect === 'postgres') {
      // ts_rank grows with relevance: negated, lower is better, as with bm25.
      return this.sql(
        `SELECT a.id AS id, -ts_rank(${RANK_WEIGHTS}, ${ARTICLE_TSV('a')}, q) AS score
           FROM articles a, ${TSQUERY('?')} AS q
           WHERE ${ARTICLE_TSV('a')} @@ q AND a.status = 'active' ${visible}
           ORDER BY score, a.id LIMIT ?`,
      ).all(tsQueryOf(match), ...audience, options.limit ?? 50) as { id: number; score: number }[];
    }
    return this.sql(
      `SELECT a.id AS id, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts
         JOIN articles a ON a.id = articles_fts.rowid
         WHERE articles_fts MATCH ? AND a.status = 'active' ${visible}
         ORDER BY score LIMIT ?`,
    ).all(match, ...audience, options.limit ?? 50) as { id: number; score: number }[];
  }
}
