import type { Migration } from './index.ts';

// Placeholder owned by the summaries work: fill in up() with its tables.
export const summariesMigration: Migration = {
  name: '004-summaries',
  up() {},
};
