import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';

/**
 * Why the PostgreSQL variants of a test skip here ('' when the test cluster runs): for
 * `describe.skipIf(!postgresAvailable())` with a message the reader sees.
 */
export function postgresMissing(): string {
  return inject('postgresMissing');
}

export const postgresAvailable = (): boolean => inject('postgres') !== null;

function cluster() {
  const pg = inject('postgres');
  if (!pg) throw new Error(`no PostgreSQL test cluster: ${inject('postgresMissing')}`);
  return pg;
}

/** The address of the test cluster's maintenance database, for tools that create or drop databases. */
export function postgresAdminUrl(): string {
  const { host, port, user } = cluster();
  return `postgres://${user}@${host}:${port}/postgres`;
}

/**
 * A new empty database on the test cluster (its URL): each test file or test gets its own, so they
 * can run in parallel and never see each other's rows. Dropped with the cluster at the end of the run.
 */
export function freshPostgresDatabase(prefix = 'newsdesk'): string {
  const { binDir, host, port, user } = cluster();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  execFileSync(join(binDir, 'createdb'), ['-h', host, '-p', String(port), '-U', user, name], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return `postgres://${user}@${host}:${port}/${name}`;
}

/** Runs SQL on a test database with psql and returns its unaligned output (checks from outside the code). */
export function psql(url: string, sql: string): string {
  const { binDir } = cluster();
  return execFileSync(join(binDir, 'psql'), [url, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  }).trim();
}
