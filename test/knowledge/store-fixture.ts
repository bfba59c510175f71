import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

/** Call at the top of a test file: real SQLite stores in temporary folders, closed and removed after each test. */
export function useTempStores(): () => Store {
  const tempDir = useTempDirs('newsdesk-knowledge-');
  const open: Store[] = [];
  // Registered after useTempDirs, so it runs before the folders are removed.
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return () => {
    const store = openStore(join(tempDir(), 'store.db'));
    open.push(store);
    return store;
  };
}
