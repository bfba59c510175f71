import type { Database } from 'better-sqlite3';

// Placeholder owned by the feeds work: its queries go here.
export class FeedsRepo {
  constructor(private readonly db: Database) {}

  get database(): Database {
    return this.db;
  }
}
