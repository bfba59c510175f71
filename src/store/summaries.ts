import type { Engine, Statement } from './engine/types.ts';
import { statementCache } from './statements.ts';
import type { Audience, TenantsRepo } from './tenants.ts';
import { visibleArticle, visibleTo } from './visibility.ts';

/** The mode of the record that marks a newly added feed's backlog reported. */
const BACKLOG = 'backlog';

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

  constructor(
    private readonly db: Engine,
    private readonly tenants: TenantsRepo,
  ) {
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
      `INSERT INTO llm_cache (key, task, prompt_version, model, evidence_hash, output, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET task = excluded.task, prompt_version = excluded.prompt_version,
           model = excluded.model, evidence_hash = excluded.evidence_hash, output = excluded.output,
           created_at = excluded.created_at`,
    ).run(keyOf(key), key.task, key.promptVersion, key.model, key.evidenceHash, JSON.stringify(output), now);
  }

  /** Records a digest the tenant posted, with its items, so that its later digests do not repeat them. */
  recordDigest(
    tenantId: string,
    digest: { since: string; until: string; mode: string; promptVersion: string | null },
    items: { fingerprint: string[]; articleIds: number[] }[],
    postedAt = new Date().toISOString(),
  ): number {
    return this.db.transaction(() => {
      this.tenants.ensure(tenantId, postedAt);
      const id = this.sql(
        `INSERT INTO posted_digests (tenant_id, posted_at, since, until, mode, prompt_version, digest)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
        .pluck()
        .get(
          tenantId,
          postedAt,
          digest.since,
          digest.until,
          digest.mode,
          digest.promptVersion,
          JSON.stringify(digest),
        ) as number;
      const insert = this.sql(
        'INSERT INTO reported_items (digest_id, fingerprint, article_ids) VALUES (?, ?, ?)',
      );
      for (const item of items)
        insert.run(id, JSON.stringify(item.fingerprint), JSON.stringify(item.articleIds));
      return id;
    });
  }

  /**
   * Marks every stored article of a feed reported for the tenant, without a digest: a feed just
   * added posts only what comes after (its backlog is stored, not posted). Recorded as a posted
   * digest of mode 'backlog', which no digest period starts from.
   */
  markFeedReported(tenantId: string, feedId: number, now = new Date().toISOString()): number {
    return this.db.transaction(() => {
      const ids = this.sql("SELECT id FROM articles WHERE feed_id = ? AND status = 'active' ORDER BY id")
        .pluck()
        .all(feedId) as number[];
      if (ids.length === 0) return 0;
      this.recordDigest(
        tenantId,
        { since: now, until: now, mode: BACKLOG, promptVersion: null },
        [{ fingerprint: [], articleIds: ids }],
        now,
      );
      return ids.length;
    });
  }

  /** The tenant's last posted digest (a feed's backlog mark is not one). */
  lastPosted(tenantId: string): PostedDigest | undefined {
    return this.sql(
      `SELECT id, posted_at AS postedAt, since, until FROM posted_digests
         WHERE tenant_id = ? AND mode <> '${BACKLOG}' ORDER BY id DESC LIMIT 1`,
    ).get(tenantId) as PostedDigest | undefined;
  }

  /** Items of the tenant's most recent posted digests (newest first), for novelty checks. */
  reportedItems(tenantId: string, limit = 500): ReportedItem[] {
    const rows = this.sql(
      `SELECT r.fingerprint, r.article_ids, d.posted_at FROM reported_items r
         JOIN posted_digests d ON d.id = r.digest_id WHERE d.tenant_id = ? ORDER BY d.id DESC LIMIT ?`,
    ).all(tenantId, limit) as { fingerprint: string; article_ids: string; posted_at: string }[];
    return rows.map((r) => ({
      fingerprint: JSON.parse(r.fingerprint) as string[],
      articleIds: JSON.parse(r.article_ids) as number[],
      postedAt: r.posted_at,
    }));
  }

  /** Undated articles (no publication date found) ingested at or after `since`: they are new too. */
  undatedIngestedSince(since: string, audience: Audience): number[] {
    return this.sql(
      `SELECT id FROM articles WHERE published IS NULL AND status = 'active' AND duplicate_of IS NULL
         AND ingested_at >= ? AND ${visibleArticle('articles')} ORDER BY id`,
    )
      .pluck()
      .all(since, visibleTo(audience)) as number[];
  }

  /** When the oldest active article was ingested: tells a new store from a running one. */
  firstIngestedAt(): string | undefined {
    return this.sql("SELECT min(ingested_at) FROM articles WHERE status = 'active'").pluck().get() as
      | string
      | undefined;
  }
}
