import type { Migration } from './index.ts';

// Placeholder owned by the knowledge work: fill in up() with its tables.
export const knowledgeMigration: Migration = {
  name: '003-knowledge',
  up() {},
};
