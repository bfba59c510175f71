// bench:scale's worker runs: PostgreSQL (a throw-away cluster on 127.0.0.1) as the store and the job
// queue, one front end (`npm start`'s bin/newsdesk-bot.js with DATABASE_URL) scheduling the jobs and
// 1, 2, 4 `newsdesk worker` processes taking them, then 2 workers of which one is killed with
// SIGKILL halfway: what that costs (jobs retried, latency) and that no delivery is doubled or lost.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/config.ts';
import { openStore } from '../../src/store/index.ts';
import { findBinDir, type PostgresServer, startPostgres } from '../../test/support/pg-server.ts';
import type { FeedFarm } from './farm.ts';
import { loggedLine, ROOT, startProcess } from './processes.ts';
import type { QueueFigures, Scenario } from './run.ts';
import { subscribeAll, type TenantPlan } from './tenants.ts';

export interface WorkerSetup {
  plan: TenantPlan[];
  farm: FeedFarm;
  config: Config;
  intervalS: number;
  out: string;
  /** How many workers each run has; the kill run has two. */
  counts: number[];
}

/** Retries of a killed worker's job come after this: pg-boss's expiry (QUEUE_JOB_TIMEOUT_SECONDS). */
const JOB_TIMEOUT_S = 20;
/** pg-boss's schema in the store's database (src/queue/boss.ts). */
const QUEUE_SCHEMA = 'newsdesk_queue';

export type WorkerRuns = { unavailable: string } | { scenarios: Scenario[]; setupS: number; close(): void };

/** Why the worker runs cannot happen on this checkout, or undefined when they can. */
function missingWorker(): string | undefined {
  const help = spawnSync(process.execPath, ['bin/newsdesk.js', 'worker', '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // Commander answers an unknown command's --help with the program's help and status 0.
  if (help.status !== 0 || !help.stdout.includes('--queues'))
    return '`newsdesk worker` does not exist yet (the job queue is not on this branch)';
  return undefined;
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function queueFigures(url: string): Promise<QueueFigures> {
  const tables = await sql(
    url,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = '${QUEUE_SCHEMA}' AND table_name IN ('job', 'archive')`,
  );
  const union = tables.rows
    .map((r: { table_name: string }) => `SELECT retry_count, state FROM ${QUEUE_SCHEMA}.${r.table_name}`)
    .join(' UNION ALL ');
  if (!union) return { jobs: 0, retried: 0, failed: 0 };
  const { rows } = await sql(
    url,
    `SELECT count(*)::int AS jobs, count(*) FILTER (WHERE retry_count > 0)::int AS retried,
       count(*) FILTER (WHERE state = 'failed')::int AS failed FROM (${union}) j`,
  );
  return rows[0] as QueueFigures;
}

export async function workerScenarios(setup: WorkerSetup): Promise<WorkerRuns> {
  const missing = missingWorker();
  if (missing) return { unavailable: missing };
  const binDir = findBinDir();
  if (!binDir) return { unavailable: 'no PostgreSQL server programs (apt-get install postgresql)' };
  let server: PostgresServer;
  try {
    server = await startPostgres(binDir, ['max_connections=300']);
  } catch (err) {
    return { unavailable: `PostgreSQL did not start: ${(err as Error).message}` };
  }
  const at = (db: string) => `postgres://${server.user}@${server.host}:${server.port}/${db}`;
  try {
    await sql(at('postgres'), 'CREATE DATABASE scale_seed');
    const started = performance.now();
    const store = openStore(at('scale_seed'));
    try {
      await subscribeAll(store, setup.config, setup.plan, (id) => setup.farm.feedUrl(id));
    } catch (err) {
      server.stop();
      return { unavailable: `the PostgreSQL store could not be set up: ${(err as Error).message}` };
    } finally {
      store.close();
    }
    const setupS = (performance.now() - started) / 1000;
    let runs = 0;
    const scenario = (workers: number, kill: boolean): Scenario => {
      const name = kill
        ? `${workers} workers, one killed -9 halfway`
        : `${workers} worker${workers === 1 ? '' : 's'} on PostgreSQL`;
      let url: string | undefined;
      const database = async () => {
        if (url) return url;
        const db = `scale_run_${++runs}`;
        await sql(at('postgres'), `CREATE DATABASE ${db} TEMPLATE scale_seed`);
        url = at(db);
        return url;
      };
      return {
        name,
        openStore: async () => openStore(await database()),
        async start(env) {
          const db = await database();
          const shared = {
            ...env,
            DATABASE_URL: db,
            NEWSDESK_DB: db,
            CORPUS_DIR: join(setup.out, 'scale-no-corpus'),
            FEED_POLL_CRON: `*/${setup.intervalS} * * * * *`,
            QUEUE_JOB_TIMEOUT_SECONDS: String(JOB_TIMEOUT_S),
            POST_TIMEOUT_MS: String((JOB_TIMEOUT_S * 1000) / 2),
          };
          const log = (what: string) => join(setup.out, `scale-${runs}-${what}.log`);
          // Info level: the bench waits for 'worker started' and 'feed polls queued'.
          const info = { ...shared, LOG_LEVEL: 'info' };
          return [
            startProcess('front end', ['bin/newsdesk-bot.js'], info, log('front')),
            ...Array.from({ length: workers }, (_, i) =>
              startProcess(`worker ${i + 1}`, ['bin/newsdesk.js', 'worker'], info, log(`worker-${i + 1}`)),
            ),
          ];
        },
        async ready(processes) {
          await Promise.all(
            processes.map((p) =>
              loggedLine(p, p.name === 'front end' ? 'feed polls queued' : 'worker started'),
            ),
          );
        },
        ...(kill
          ? {
              midRun(processes) {
                processes.find((p) => p.name === 'worker 1')?.child.kill('SIGKILL');
              },
            }
          : {}),
        finished: async () => (url ? queueFigures(url) : undefined),
      };
    };
    return {
      scenarios: [...setup.counts.map((n) => scenario(n, false)), scenario(2, true)],
      setupS,
      close: () => server.stop(),
    };
  } catch (err) {
    server.stop();
    throw err;
  }
}
