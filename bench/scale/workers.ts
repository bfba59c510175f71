// bench:scale's worker runs: PostgreSQL as the store, one front end scheduling the jobs and 1, 2, 4
// `newsdesk worker` processes taking them, and one run where a worker is killed halfway.
import { spawnSync } from 'node:child_process';
import type { FeedFarm } from './farm.ts';
import { ROOT } from './processes.ts';
import type { Scenario } from './run.ts';
import type { TenantPlan } from './tenants.ts';

export interface WorkerSetup {
  work: string;
  seed: string;
  plan: TenantPlan[];
  farm: FeedFarm;
  intervalS: number;
  out: string;
}

export type WorkerRuns = { unavailable: string } | { scenarios: Scenario[]; close(): Promise<void> };

/** Why the worker runs cannot happen on this checkout, or undefined when they can. */
function missing(): string | undefined {
  const help = spawnSync(process.execPath, ['bin/newsdesk.js', 'worker', '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (help.status !== 0) return '`newsdesk worker` does not exist yet (the job queue is not on this branch)';
  return 'the PostgreSQL runs are not written yet';
}

export async function workerScenarios(_setup: WorkerSetup): Promise<WorkerRuns> {
  return { unavailable: missing() ?? 'unknown' };
}
