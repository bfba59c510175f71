import type { Command } from 'commander';
import { parseQueues, QUEUE_NAMES } from '../queue/names.ts';
import { type CliContext, dbOption } from './context.ts';

/** How long a stopping worker waits for its jobs before leaving them to pg-boss's expiry and retry. */
const STOP_GRACE_MS = 30_000;

/**
 * `newsdesk worker`: takes jobs from the PostgreSQL queue (DATABASE_URL) that `npm start` fills,
 * until SIGTERM or SIGINT; then it takes no new job, finishes those running and exits 0.
 */
export function registerWorkerCommand(program: Command, ctx: CliContext): void {
  dbOption(
    program
      .command('worker')
      .description(
        'Take feed polls, page fetches and digest jobs from the PostgreSQL job queue (needs DATABASE_URL)',
      )
      .option('--queues <names>', `comma-separated queues to take jobs from`, QUEUE_NAMES.join(',')),
  ).action(async (opts: { queues: string; db?: string }) => {
    const queues = parseQueues(opts.queues);
    const [{ requireDatabaseUrl }, { openStore }, { log }, { startWorker }] = await Promise.all([
      import('../queue/boss.ts'),
      import('../store/index.ts'),
      import('../log.ts'),
      import('../queue/worker.ts'),
    ]);
    requireDatabaseUrl(ctx.config, 'newsdesk worker');
    const store = openStore(opts.db ?? ctx.settings.DATABASE_URL ?? ctx.settings.NEWSDESK_DB);
    const stopping = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    const worker = await startWorker({ config: ctx.config, store, log, queues });
    const signal = await stopping;
    log.info({ signal }, 'worker stopping: finishing its jobs');
    await worker.stop(STOP_GRACE_MS);
    store.close();
    log.info('worker stopped');
    // Clients' keep-alive sockets must not hold the process open past its jobs.
    process.exit(0);
  });
}
