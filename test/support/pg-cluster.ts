// vitest globalSetup: a throw-away PostgreSQL cluster on 127.0.0.1 for the whole test run, so that
// the store, delivery and queue tests run on PostgreSQL as well as SQLite. Tests get its address
// through inject('postgres') (test/support/postgres.ts). Without PostgreSQL's programs on the
// machine the PostgreSQL variants skip with a message, unless NEWSDESK_REQUIRE_POSTGRES=1 (.ci/run
// sets it), where a missing or broken cluster fails the run instead of hiding it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

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

/** PostgreSQL's server programs: Debian keeps them per major version under /usr/lib/postgresql. */
function findBinDir(): string | undefined {
  const fromEnv = process.env.NEWSDESK_PG_BINDIR;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root: there the cluster belongs to the postgres system user. */
function runAsOwner(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(
      `${program} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.error?.message}`,
    );
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
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-pg-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const user = 'postgres';
  try {
    if (process.getuid?.() === 0) {
      const uid = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
      const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
      chownSync(dir, Number(uid), Number(gid));
    }
    runAsOwner(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      user,
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    // Sockets in the temp folder, TCP on loopback only; fsync off: the data dies with the test run.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`;
    runAsOwner(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    if (required) throw err;
    project.provide('postgres', null);
    project.provide('postgresMissing', `the test cluster did not start: ${(err as Error).message}`);
    return undefined;
  }
  project.provide('postgres', { binDir, host: '127.0.0.1', port, user });
  project.provide('postgresMissing', '');
  return () => {
    try {
      runAsOwner(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
