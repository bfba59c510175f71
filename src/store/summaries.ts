import type { Database, Statement } from 'better-sqlite3';
import { statementCache } from './statements.ts';

export interface CacheKey {
  task: string;
  promptVersion: string;
  model: string;
  evidenceHash: string;
}

export interface ReportedItem {
  fingerprint: string[];
  articleIds: number[];
  postedAt: string;
}

export interface PostedDigest {
  id: number;
  postedAt: string;
  since: string;
  until: string;
}

const keyOf = (k: CacheKey) => JSON.stringify([k.task, k.promptVersion, k.model, k.evidenceHash]);

/** LLM result cache and the record of posted digests (for novelty and the default period). */
export class SummariesRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Database) {
    this.sql = statementCache(db);
  }

  cached(key: CacheKey): unknown | undefined {
    const row = this.sql('SELECT output FROM llm_cache WHERE key = ?').pluck().get(keyOf(key)) as
      | string
      | undefined;
    return row === undefined ? undefined : JSON.parse(row);
  }

  cache(key: CacheKey, output: unknown, now = new Date().toISOString()): void {
    this.sql(
      `INSERT OR REPLACE INTO llm_cache (key, task, prompt_version, model, evidence_hash, output, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(keyOf(key), key.task, key.promptVersion, key.model, key.evidenceHash, JSON.stringify(output), now);
  }

  recordDigest(
    digest: { since: string; until: string; mode: string; promptVersion: string | null },
    items: { fingerprint: string[]; articleIds: number[] }[],
    postedAt = new Date().toISOString(),
  ): number {
    return this.db.transaction(() => {
      const id = Number(
        this.sql(
          'INSERT INTO posted_digests (posted_at, since, until, mode, prompt_version, digest) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(postedAt, digest.since, digest.until, digest.mode, digest.promptVersion, JSON.stringify(digest))
          .lastInsertRowid,
      );
      const insert = this.sql(
        'INSERT INTO reported_items (digest_id, fingerprint, article_ids) VALUES (?, ?, ?)',
      );
      for (const item of items)
        insert.run(id, JSON.stringify(item.fingerprint), JSON.stringify(item.articleIds));
      return id;
    })();
  }

  lastPosted(): PostedDigest | undefined {
    return this.sql(
      'SELECT id, posted_at AS postedAt, since, until FROM posted_digests ORDER BY id DESC LIMIT 1',
    ).get() as PostedDigest | undefined;
  }

  /** Items of the most recent posted digests (newest first), for novelty checks. */
  reportedItems(limit = 500): ReportedItem[] {
    const rows = this.sql(
      `SELECT r.fingerprint, r.article_ids, d.posted_at FROM reported_items r
         JOIN posted_digests d ON d.id = r.digest_id ORDER BY d.id DESC LIMIT ?`,
    ).all(limit) as { fingerprint: string; article_ids: string; posted_at: string }[];
    return rows.map((r) => ({
      fingerprint: JSON.parse(r.fingerprint) as string[],
      articleIds: JSON.parse(r.article_ids) as number[],
      postedAt: r.posted_at,
    }));
  }

  /** Undated articles (no publication date found) ingested at or after `since`: they are new too. */
  undatedIngestedSince(since: string): number[] {
    return this.sql(
      `SELECT id FROM articles WHERE published IS NULL AND status = 'active' AND duplicate_of IS NULL
         AND ingested_at >= ? ORDER BY id`,
    )
      .pluck()
      .all(since) as number[];
  }

  /** When the oldest active article was ingested: tells a new store from a running one. */
  firstIngestedAt(): string | undefined {
    return this.sql("SELECT min(ingested_at) FROM articles WHERE status = 'active'").pluck().get() as
      | string
      | undefined;
  }
}
