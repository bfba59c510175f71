import type { Migration } from './index.ts';

// Placeholder owned by the feeds work: fill in up() with its tables.
export const feedsMigration: Migration = {
  name: '002-feeds',
  up() {},
};
