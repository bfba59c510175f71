import type { Engine } from '../engine/types.ts';
import { baselineContentMigration } from './001-baseline-content.ts';
import { baselineTenantsMigration } from './002-baseline-tenants.ts';
import { pageQueriesMigration } from './003-page-queries.ts';
import { foldDiacriticsMigration } from './004-fold-diacritics.ts';
import { deliveryLeasesMigration } from './005-delivery-leases.ts';
import { articleRevisionsMigration } from './006-article-revisions.ts';

/**
 * PostgreSQL's migrations, recorded in schema_migrations as SQLite's are. The baseline is SQLite's
 * schema as of its 013-slack-installations (no PostgreSQL store predates it); a later change to the
 * schema is a migration here and one in ../migrations/.
 */
export interface PgMigration {
  name: string;
  up(db: Engine): void;
}

export const pgMigrations: PgMigration[] = [
  baselineContentMigration,
  baselineTenantsMigration,
  pageQueriesMigration,
  foldDiacriticsMigration,
  deliveryLeasesMigration,
  articleRevisionsMigration,
];
