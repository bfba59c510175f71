import type { Database } from 'better-sqlite3';

// Placeholder owned by the deliveries work: its queries go here.
export class DeliveriesRepo {
  constructor(private readonly db: Database) {}

  get database(): Database {
    return this.db;
  }
}
