import 'dotenv/config';
import { ConfigError } from './core/errors.ts';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_DB = './data/newsdesk.db';

/** A PostgreSQL store's URL; the password in it is never shown (see src/store/engine/pg-bridge.ts). */
export const POSTGRES_URL = /^postgres(?:ql)?:\/\/\S+$/i;
const POSTGRES_URL_PROBLEM =
  'expected a postgres:// or postgresql:// URL (empty: the SQLite file NEWSDESK_DB)';

export interface StoreSettings {
  NEWSDESK_DB: string;
  /** When set, the store is this PostgreSQL database instead of the SQLite file NEWSDESK_DB. */
  DATABASE_URL: string | undefined;
  LOG_LEVEL: LogLevel;
  /** As in config.ts: servers and workspaces see the operator's corpus and FEEDS too. */
  SHARED_SOURCES: boolean;
}

/** The words a true/false setting accepts (config.ts's schema takes the same). */
export const TRUE_WORDS = ['true', '1', 'yes', 'on'] as const;
export const FALSE_WORDS = ['false', '0', 'no', 'off'] as const;
const TRUE: readonly string[] = TRUE_WORDS;
const FALSE: readonly string[] = FALSE_WORDS;

/**
 * The two settings a query of the store needs, read and checked as loadConfig (config.ts) reads them
 * but without its schema library: loading zod alone costs about twice a bare Node start, more than
 * `newsdesk whois` itself. Throws ConfigError naming each bad variable.
 */
export function loadStoreSettings(env: NodeJS.ProcessEnv = process.env): StoreSettings {
  const problems: string[] = [];
  const db = env.NEWSDESK_DB ?? DEFAULT_DB;
  if (!db) problems.push('NEWSDESK_DB: expected a file path, not an empty value');
  const url = env.DATABASE_URL?.trim() || undefined;
  if (url !== undefined && !POSTGRES_URL.test(url)) problems.push(`DATABASE_URL: ${POSTGRES_URL_PROBLEM}`);
  const level = env.LOG_LEVEL ?? 'info';
  const known = (LOG_LEVELS as readonly string[]).includes(level);
  if (!known) problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}`);
  const shared = env.SHARED_SOURCES;
  if (shared !== undefined && !TRUE.includes(shared) && !FALSE.includes(shared))
    problems.push('SHARED_SOURCES: expected true or false');
  if (problems.length) throw new ConfigError(problems.join('\n'));
  return {
    NEWSDESK_DB: db,
    DATABASE_URL: url,
    LOG_LEVEL: level as LogLevel,
    SHARED_SOURCES: shared === undefined || TRUE.includes(shared),
  };
}

export { POSTGRES_URL_PROBLEM };
