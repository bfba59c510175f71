import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ArticlesRepo } from './articles.ts';
import { DeliveriesRepo } from './deliveries.ts';
import { FeedsRepo } from './feeds.ts';
import { KnowledgeRepo } from './knowledge.ts';
import type { KnowledgeQueries } from './knowledge-queries.ts';
import { runMigrations } from './migrate.ts';
import { SettingsRepo } from './settings.ts';
import { SubscriptionsRepo } from './subscriptions.ts';
import { SummariesRepo } from './summaries.ts';
import { type Audience, OPERATOR_AUDIENCE, TenantsRepo } from './tenants.ts';

export type { ArticleInput, ArticleRow, ArticleSummary } from './articles.ts';

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
  private closed = false;
  private readonly scopedKnowledge = new Map<string, KnowledgeQueries>();

  constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {
    this.articles = new ArticlesRepo(db);
    this.feeds = new FeedsRepo(db);
    this.knowledge = new KnowledgeRepo(db);
    this.tenants = new TenantsRepo(db);
    this.subscriptions = new SubscriptionsRepo(db, this.tenants, this.feeds);
    this.settings = new SettingsRepo(db, this.tenants);
    this.summaries = new SummariesRepo(db, this.tenants);
    this.deliveries = new DeliveriesRepo(db, this.tenants);
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

  /** Runs fn in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** The durability settings in force, for diagnostics and tests. */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

export function openStore(path: string): Store {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL's default (NORMAL) can lose the last committed transaction on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db);
  return new Store(file, db);
}
