import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { redactUrl } from '../notify/redact-url.ts';
import { ArticlesRepo } from './articles.ts';
import { DeliveriesRepo } from './deliveries.ts';
import { SqliteEngine } from './engine/sqlite.ts';
import type { Dialect, Engine } from './engine/types.ts';
import { FeedHealthRepo } from './feed-health.ts';
import { FeedsRepo } from './feeds.ts';
import { InstallationsRepo } from './installations.ts';
import { ItemPostsRepo } from './item-posts.ts';
import { KnowledgeRepo } from './knowledge.ts';
import type { KnowledgeQueries } from './knowledge-queries.ts';
import { openDatabase } from './open.ts';
import { isPostgresUrl, openPostgres } from './open-pg.ts';
import { PageQueriesRepo } from './page-queries.ts';
import { SchedulesRepo } from './schedules.ts';
import { SettingsRepo } from './settings.ts';
import { SubscriptionsRepo } from './subscriptions.ts';
import { SummariesRepo } from './summaries.ts';
import { type Audience, OPERATOR_AUDIENCE, TenantsRepo } from './tenants.ts';

export type { ArticleInput, ArticleRow, ArticleSummary } from './articles.ts';
export {
  NotAStoreError,
  StoreBusyError,
  StoreEmptyFileError,
  StoreQueryError,
  StoreUnreachableError,
} from './errors.ts';
export type { ScheduleInput, ScheduleRow } from './schedules.ts';

/**
 * The only door to persistent state. Callers use the repositories; no SQL lives outside src/store,
 * so that a server database can replace SQLite without touching them.
 */
export class Store {
  readonly articles: ArticlesRepo;
  readonly feeds: FeedsRepo;
  readonly knowledge: KnowledgeRepo;
  readonly summaries: SummariesRepo;
  readonly deliveries: DeliveriesRepo;
  readonly tenants: TenantsRepo;
  readonly subscriptions: SubscriptionsRepo;
  readonly settings: SettingsRepo;
  readonly itemPosts: ItemPostsRepo;
  readonly feedHealth: FeedHealthRepo;
  readonly schedules: SchedulesRepo;
  readonly installations: InstallationsRepo;
  readonly pageQueries: PageQueriesRepo;
  private closed = false;
  private readonly scopedKnowledge = new Map<string, KnowledgeQueries>();

  /**
   * @param path the SQLite file, or the PostgreSQL URL without its password: what may be shown.
   */
  constructor(
    readonly path: string,
    private readonly db: Engine,
  ) {
    this.articles = new ArticlesRepo(db);
    this.feeds = new FeedsRepo(db);
    this.knowledge = new KnowledgeRepo(db);
    this.tenants = new TenantsRepo(db);
    this.subscriptions = new SubscriptionsRepo(db, this.tenants, this.feeds);
    this.settings = new SettingsRepo(db, this.tenants);
    this.schedules = new SchedulesRepo(db, this.tenants);
    this.installations = new InstallationsRepo(db, this.tenants);
    this.summaries = new SummariesRepo(db, this.tenants);
    this.deliveries = new DeliveriesRepo(db, this.tenants);
    this.itemPosts = new ItemPostsRepo(db);
    this.feedHealth = new FeedHealthRepo(db);
    this.pageQueries = new PageQueriesRepo(db, this.tenants);
  }

  /**
   * The knowledge queries as an audience sees them (only what its tenant's articles say); the
   * operator's view when none is given. One per audience, so their prepared statements are reused.
   */
  knowledgeFor(audience: Audience = OPERATOR_AUDIENCE): KnowledgeQueries {
    const key = `${audience.tenantId}\n${audience.sharedSources}`;
    let scoped = this.scopedKnowledge.get(key);
    if (!scoped) {
      scoped = this.knowledge.scoped(audience);
      this.scopedKnowledge.set(key, scoped);
    }
    return scoped;
  }

  /**
   * Runs fn in one write transaction: all of its writes land, or none do. Other processes on the
   * same store wait for it (and it for them) instead of failing with "database is locked".
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn);
  }

  /** Whether `url` names this store's own PostgreSQL database (where the job queue's tables are too). */
  isDatabase(url: string | undefined): boolean {
    return this.db.foreign !== undefined && url !== undefined && redactUrl(url) === this.path;
  }

  /**
   * Runs another library's statement on the store's connection as that library built it (the job
   * queue's insert, `$n` placeholders): inside `transaction`, it commits or rolls back with the
   * store's writes. PostgreSQL only (see isDatabase); returns the rows.
   */
  foreign(text: string, values: unknown[]): unknown[] {
    if (!this.db.foreign)
      throw new TypeError(`the store at ${this.path} runs no foreign statements: not PostgreSQL`);
    return this.db.foreign(text, values).rows;
  }

  /** 'sqlite' (a file) or 'postgres' (DATABASE_URL). */
  get dialect(): Dialect {
    return this.db.dialect;
  }

  /** SQLite's durability settings in force, for diagnostics and tests; undefined on PostgreSQL. */
  durability(): { journalMode: string; synchronous: number } | undefined {
    if (!(this.db instanceof SqliteEngine)) return undefined;
    return {
      journalMode: this.db.raw.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.raw.pragma('synchronous', { simple: true }) as number,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

/**
 * Opens the store at `path` (':memory:' for a throw-away one), creating it and its folder when the
 * path is new. A file there that is not a newsdesk store (empty, not SQLite, another program's
 * database) is refused (NotAStoreError, StoreEmptyFileError) and left untouched. A postgres:// or
 * postgresql:// URL opens that PostgreSQL database instead (StoreUnreachableError when it cannot),
 * behind the same repositories.
 */
export function openStore(path: string): Store {
  if (isPostgresUrl(path)) {
    const db = openPostgres(path);
    return new Store(db.shownUrl, db);
  }
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return new Store(file, new SqliteEngine(openDatabase(file)));
}
