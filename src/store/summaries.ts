import type { Database } from 'better-sqlite3';

// Placeholder owned by the summaries work: its queries go here.
export class SummariesRepo {
  constructor(private readonly db: Database) {}

  get database(): Database {
    return this.db;
  }
}
