import type { Database } from 'better-sqlite3';
import { articlesMigration } from './001-articles.ts';
import { feedsMigration } from './002-feeds.ts';
import { knowledgeMigration } from './003-knowledge.ts';
import { summariesMigration } from './004-summaries.ts';
import { deliveriesMigration } from './005-deliveries.ts';
import { fileStatsMigration } from './006-file-stats.ts';
import { feedItemsMigration } from './007-feed-items.ts';
import { knowledgeIndexedMigration } from './009-knowledge-indexed.ts';
import { tenantsMigration } from './010-tenants.ts';
import { digestSchedulesMigration } from './011-digest-schedules.ts';
import { itemPostsMigration } from './012-item-posts.ts';
import { slackInstallationsMigration } from './013-slack-installations.ts';
import { pageQueriesMigration } from './014-page-queries.ts';
import { deliveryLeasesMigration } from './015-delivery-leases.ts';
import { articleRevisionsMigration } from './016-article-revisions.ts';

export interface Migration {
  /** Unique and never renamed once released: the store records applied migrations by name. */
  name: string;
  up(db: Database): void;
}

/** Applied in this order; append new migrations at the end. */
export const migrations: Migration[] = [
  articlesMigration,
  feedsMigration,
  knowledgeMigration,
  summariesMigration,
  deliveriesMigration,
  fileStatsMigration,
  feedItemsMigration,
  knowledgeIndexedMigration,
  tenantsMigration,
  digestSchedulesMigration,
  itemPostsMigration,
  slackInstallationsMigration,
  pageQueriesMigration,
  deliveryLeasesMigration,
  articleRevisionsMigration,
];
