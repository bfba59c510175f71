import type { Migration } from './index.ts';

// Placeholder owned by the deliveries work: fill in up() with its tables.
export const deliveriesMigration: Migration = {
  name: '005-deliveries',
  up() {},
};
