import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openStore, type Store } from '../store/index.ts';

export interface CliContext {
  config: Config;
}

/** Every command takes --db PATH (else NEWSDESK_DB, else ./data/newsdesk.db). */
export const dbOption = (cmd: Command): Command => cmd.option('--db <path>', 'SQLite store path');

/**
 * Commands that act on one tenant take --tenant ID (`discord:<guild id>`, `slack:<team id>`);
 * without it they act as the operator, whose feeds FEEDS and the CLI configure.
 */
export const tenantOption = (cmd: Command): Command =>
  cmd.option(
    '--tenant <id>',
    'act for this server or workspace: discord:<guild id> or slack:<team id> (default: operator)',
  );

/** Opens the store named by --db or the config, runs fn, and always closes it. */
export async function withStore<T>(
  ctx: CliContext,
  opts: { db?: string },
  fn: (store: Store) => Promise<T> | T,
): Promise<T> {
  const store = openStore(opts.db ?? ctx.config.NEWSDESK_DB);
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
