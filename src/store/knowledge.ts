import type { Database } from 'better-sqlite3';

// Placeholder owned by the knowledge work: its queries go here.
export class KnowledgeRepo {
  constructor(private readonly db: Database) {}

  get database(): Database {
    return this.db;
  }
}
