import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { CommandContext } from '../../src/core/command.ts';
import { OPERATOR } from '../../src/core/tenant.ts';
import { openStore, type Store } from '../../src/store/index.ts';

/** A real SQLite store in a temp folder for a whole suite; `cleanup` closes and deletes it. */
// One store for a whole describe block (the bot keeps it open across tests), so no per-test cleanup.
export function tempStore(): { store: Store; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bot-'));
  const store = openStore(join(dir, 'store.db'));
  return {
    store,
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
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
    tenant: OPERATOR,
    user: { id: 'u1', isAdmin: false },
    now: () => new Date('2026-02-01T12:00:00Z'),
    ...overrides,
  };
}
