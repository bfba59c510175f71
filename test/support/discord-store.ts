import { loadConfig } from '../../src/config.ts';
import type { CommandContext } from '../../src/core/command.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDirs } from './temp-store.ts';

/** A real SQLite store in a temp folder; `cleanup` closes and deletes it. */
export function tempStore(): { store: Store; cleanup: () => void } {
  const dirs = tempDirs('bot');
  const store = openStore(dirs.db());
  return {
    store,
    cleanup: () => {
      store.close();
      dirs.cleanup();
    },
  };
}

/** The config a test bot runs with: no LLM, no tokens, unless given. */
export const testConfig = (env: Record<string, string> = {}) => loadConfig({ LOG_LEVEL: 'silent', ...env });

export function commandContext(store: Store, overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    store,
    config: testConfig(),
    platform: 'console',
    user: { id: 'u1', isAdmin: false },
    now: () => new Date('2026-02-01T12:00:00Z'),
    ...overrides,
  };
}
