import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { setLogLevel } from '../log-level.ts';
import type { Store } from '../store/index.ts';
import type { StoreSettings } from '../store-settings.ts';

export interface CliContext {
  /** The store path and log level: read before every command (not for help). */
  settings: StoreSettings;
  /** The whole configuration: read before every command but the store queries (QUERY_COMMANDS). */
  config: Config;
}

/**
 * Commands that only read the store: they start without the configuration schema (zod), and a bad
 * setting they do not use (a feed or bot variable) does not stop them.
 */
export const QUERY_COMMANDS: ReadonlySet<string> = new Set(['whois', 'timeline', 'articles', 'show']);

/** Reads what `command` needs of the configuration into ctx, and sets the log level from it. */
export async function loadCliContext(ctx: CliContext, command: string): Promise<void> {
  const { loadStoreSettings } = await import('../store-settings.ts');
  ctx.settings = loadStoreSettings();
  setLogLevel(ctx.settings.LOG_LEVEL);
  if (QUERY_COMMANDS.has(command)) return;
  const { loadConfig } = await import('../config.ts');
  ctx.config = loadConfig();
}

/** Every command takes --db PATH or URL (else DATABASE_URL, else NEWSDESK_DB, else ./data/newsdesk.db). */
export const dbOption = (cmd: Command): Command =>
  cmd.option('--db <path>', 'SQLite store path, or a postgres:// URL');

/**
 * Commands that act on one tenant take --tenant ID (`discord:<guild id>`, `slack:<team id>`);
 * without it they act as the operator, whose feeds FEEDS and the CLI configure.
 */
export const tenantOption = (cmd: Command): Command =>
  cmd.option(
    '--tenant <id>',
    'act for this server or workspace: discord:<guild id> or slack:<team id> (default: operator)',
  );

/** Opens the store named by --db or the settings, runs fn, and always closes it. */
export async function withStore<T>(
  ctx: CliContext,
  opts: { db?: string },
  fn: (store: Store) => Promise<T> | T,
): Promise<T> {
  const { openStore } = await import('../store/index.ts');
  const store = openStore(opts.db ?? ctx.settings.DATABASE_URL ?? ctx.settings.NEWSDESK_DB);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Prints a value as one JSON document on stdout. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
