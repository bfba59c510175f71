import { openStore, type Store } from '../../src/store/index.ts';
import { tempDirs } from '../support/temp-store.ts';

/** A real SQLite store in a temporary folder; `cleanup` closes and removes it. */
export function tempStore(): { store: Store; cleanup: () => void } {
  const dirs = tempDirs('knowledge');
  const store = openStore(dirs.db());
  return {
    store,
    cleanup: () => {
      store.close();
      dirs.cleanup();
    },
  };
}
