// A throw-away PostgreSQL cluster on 127.0.0.1: the test run's (pg-cluster.ts) and bench:scale's.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** The folder of initdb, pg_ctl, createdb and psql. */
  binDir: string;
  host: string;
  port: number;
  /** The superuser (trust authentication on loopback). */
  user: string;
  /** Stops the server at once and deletes its data. */
  stop(): void;
}

/** PostgreSQL's server programs: Debian keeps them per major version under /usr/lib/postgresql. */
export function findBinDir(): string | undefined {
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

/**
 * initdb in a temp folder and pg_ctl start: TCP on 127.0.0.1 only, sockets in the temp folder, trust
 * authentication, fsync off (the data dies with the run). Throws when it cannot start.
 */
export async function startPostgres(binDir: string, settings: string[] = []): Promise<PostgresServer> {
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
    const options = [
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`,
      ...settings.map((s) => `-c ${s}`),
    ].join(' ');
    runAsOwner(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    binDir,
    host: '127.0.0.1',
    port,
    user,
    stop() {
      try {
        runAsOwner(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
