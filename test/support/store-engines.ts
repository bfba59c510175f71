import { join } from 'node:path';
import { describe } from 'vitest';
import { freshPostgresDatabase, postgresMissing } from './postgres.ts';

/** A store engine the store and delivery tests run on, with where a new empty store of it is. */
export interface StoreEngine {
  name: 'sqlite' | 'postgres';
  /** A new, empty store: a SQLite file in `dir`, or a new database on the test cluster. */
  target(dir: string): string;
}

const engines: StoreEngine[] = [
  { name: 'sqlite', target: (dir) => join(dir, 'store.db') },
  { name: 'postgres', target: () => freshPostgresDatabase() },
];

/**
 * Declares the suite once per store engine (its title gets " on sqlite" / " on postgres"), with
 * the same tests and assertions; the PostgreSQL one skips, saying why, where no test cluster runs.
 */
export function describeOnEngines(
  title: string,
  suite: (engine: StoreEngine) => void,
  options: { timeout?: number } = {},
): void {
  for (const engine of engines) {
    const missing = engine.name === 'postgres' ? postgresMissing() : '';
    const name = `${title} on ${engine.name}${missing ? ` (skipped: ${missing})` : ''}`;
    describe.skipIf(missing !== '')(name, options, () => suite(engine));
  }
}
