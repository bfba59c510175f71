import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from '../scripts/ensure-build.js';
import { loadConfig } from '../src/config.ts';
import { log } from '../src/log.ts';
import { openStore } from '../src/store/index.ts';
import { FeedFarm } from './scale/farm.ts';
import { ROOT, startProcess } from './scale/processes.ts';
import { type RunResult, type RunSettings, runScenario, type Scenario } from './scale/run.ts';
import { formatTable } from './scale/table.ts';
import { planTenants, subscribeAll } from './scale/tenants.ts';
import { workerScenarios } from './scale/workers.ts';

// npm run bench:scale [-- --quick]: tenants (Discord servers) x 3 feeds each, from a farm of feeds on
// 127.0.0.1 (varied sizes, some slow, some failing) with new items appearing over time; newsdesk as
// a user runs it: the bot on SQLite (main's one process, the baseline), then PostgreSQL with one
// front end and 1, 2 and 4 workers, and a run where a worker is killed with SIGKILL halfway. Each
// run: polls per second, the most fetches of one URL in a poll interval, p50/p99 from an item's
// appearance to its stored article and to its post, item posts and digests counted at the Discord
// stand-in (each exactly once), and every process's peak RSS.

const quick = process.argv.includes('--quick');
const SIZE = quick
  ? { tenants: 100, feeds: 300, windowS: 30, itemsPerS: 5, intervalS: 5, drainS: 90 }
  : { tenants: 500, feeds: 1500, windowS: 60, itemsPerS: 10, intervalS: 10, drainS: 120 };
const OUT = join(ROOT, 'bench/.out');

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return `${cpus().length} cores (${model}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB, load average ${load} at the end`;
}

/** `node -e 0`'s peak RSS (GNU time's %M): what a process that does nothing costs here. */
function nodeBaselineMb(): number {
  const report = join(OUT, 'scale-node-e0.txt');
  spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, '-e', '0']);
  return Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) / 1024;
}

async function main(): Promise<void> {
  // The set-up runs the commands in this process: their errors only (the processes log to files).
  log.level = 'error';
  mkdirSync(OUT, { recursive: true });
  ensureBuild();
  const work = mkdtempSync(join(OUT, 'scale-'));
  const farm = await new FeedFarm(SIZE.feeds).start();
  try {
    const plan = planTenants(SIZE.tenants, SIZE.feeds);
    const urls = new Set(plan.flatMap((t) => t.feeds));
    const config = loadConfig({ ALLOW_PRIVATE_FEEDS: 'true', LOG_LEVEL: 'silent', FETCH_FULL_TEXT: 'false' });
    const seeded = performance.now();
    const seed = join(work, 'seed.db');
    {
      // Setting up is not measured; without page fetches the backlogs store in half the time.
      const store = openStore(seed);
      await subscribeAll(store, config, plan, (id) => farm.feedUrl(id));
      store.close();
    }
    const setupS = (performance.now() - seeded) / 1000;
    process.stderr.write(
      `${SIZE.tenants} tenants x 3 feeds (${urls.size} distinct URLs of ${SIZE.feeds}) subscribed in ${setupS.toFixed(0)} s\n`,
    );
    const settings: RunSettings = { farm, plan, config, ...SIZE };
    const results: RunResult[] = [];
    const baseline: Scenario = {
      name: 'bot on SQLite (main today)',
      openStore: async () => openStore(join(work, 'baseline.db')),
      async start(env) {
        return [
          startProcess(
            'bot',
            ['bin/newsdesk-bot.js'],
            {
              ...env,
              NEWSDESK_DB: join(work, 'baseline.db'),
              CORPUS_DIR: join(work, 'no-corpus'),
              FEED_POLL_CRON: `*/${SIZE.intervalS} * * * * *`,
            },
            join(OUT, 'scale-bot.log'),
          ),
        ];
      },
    };
    mkdirSync(join(work, 'no-corpus'));
    mkdirSync(join(OUT, 'scale-no-corpus'), { recursive: true });
    copyFileSync(seed, join(work, 'baseline.db'));
    process.stderr.write(`run: ${baseline.name}\n`);
    results.push(await runScenario(baseline, settings));
    const workers = await workerScenarios({
      plan,
      farm,
      config,
      intervalS: SIZE.intervalS,
      out: OUT,
      counts: [1, 2, 4],
    });
    if ('unavailable' in workers) process.stderr.write(`workers not available: ${workers.unavailable}\n`);
    else {
      process.stderr.write(`PostgreSQL store set up in ${workers.setupS.toFixed(0)} s\n`);
      try {
        for (const scenario of workers.scenarios) {
          process.stderr.write(`run: ${scenario.name}\n`);
          results.push(await runScenario(scenario, settings));
        }
      } finally {
        workers.close();
      }
    }
    const nodeMb = nodeBaselineMb();
    process.stdout.write(
      formatTable(results, {
        size: SIZE,
        distinctUrls: urls.size,
        hosts: farm.hosts,
        setupS,
        nodeMb,
        machine: machine(),
        workersUnavailable: 'unavailable' in workers ? workers.unavailable : undefined,
      }),
    );
  } finally {
    await farm.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
