// vitest globalSetup: a throw-away PostgreSQL cluster on 127.0.0.1 for the whole test run, so that
// the store, delivery and queue tests run on PostgreSQL as well as SQLite. Tests get its address
// through inject('postgres') (test/support/postgres.ts). Without PostgreSQL's programs on the
// machine the PostgreSQL variants skip with a message, unless NEWSDESK_REQUIRE_POSTGRES=1 (.ci/run
// sets it), where a missing or broken cluster fails the run instead of hiding it.
import type { TestProject } from 'vitest/node';
import { findBinDir, type PostgresServer, startPostgres } from './pg-server.ts';

export interface PostgresCluster {
  /** The folder of initdb, pg_ctl, createdb and psql. */
  binDir: string;
  host: string;
  port: number;
  /** The superuser tests connect as (trust authentication on loopback). */
  user: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresCluster | null;
    postgresMissing: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const required = process.env.NEWSDESK_REQUIRE_POSTGRES === '1';
  const binDir = findBinDir();
  if (!binDir) {
    const why = 'no PostgreSQL server programs (apt-get install postgresql, or set NEWSDESK_PG_BINDIR)';
    if (required) throw new Error(`NEWSDESK_REQUIRE_POSTGRES=1 but ${why}`);
    project.provide('postgres', null);
    project.provide('postgresMissing', why);
    return undefined;
  }
  let server: PostgresServer;
  try {
    server = await startPostgres(binDir);
  } catch (err) {
    if (required) throw err;
    project.provide('postgres', null);
    project.provide('postgresMissing', `the test cluster did not start: ${(err as Error).message}`);
    return undefined;
  }
  const { host, port, user } = server;
  project.provide('postgres', { binDir, host, port, user });
  project.provide('postgresMissing', '');
  return () => server.stop();
}
