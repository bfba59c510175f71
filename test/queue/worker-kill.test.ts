import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { openStore } from '../../src/store/index.ts';
import { scheduleInput } from '../support/digest-fixtures.ts';
import { DiscordStandIn, IDS } from '../support/discord-server.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { WorkerProcesses, workerEnv } from '../support/worker-process.ts';

const log = pino({ level: 'silent' });
const CHANNELS = [
  { tenantId: `discord:${IDS.guild}`, channel: IDS.channel },
  { tenantId: `discord:${IDS.guildB}`, channel: IDS.channelB },
];

let discord: DiscordStandIn;
const workers = new WorkerProcesses();
beforeEach(async () => {
  discord = await new DiscordStandIn().start();
});
afterEach(async () => {
  workers.killAll();
  await discord.close();
});

/** The environment of the front end and of every worker: one database (store and queue), one Discord. */
const environment = (databaseUrl: string): Record<string, string> =>
  // A killed worker's job is given to another after 4 s (instead of 15 min).
  workerEnv(databaseUrl, discord, { QUEUE_JOB_TIMEOUT_SECONDS: '4' });

const startWorker = (env: Record<string, string>) => workers.start(env, 'llm,digests');

const jobs = (url: string, queue: string) =>
  psql(url, `SELECT state || ':' || retry_count FROM newsdesk_queue.job WHERE name = '${queue}' ORDER BY 1`);

// Workers load tsx-free builds but still take seconds to start on a busy machine: generous time.
describe.skipIf(!postgresAvailable())(
  `digests across a killed worker (PostgreSQL) ${postgresMissing()}`,
  {
    timeout: 180_000,
  },
  () => {
    it('a worker killed (kill -9) mid-post: another worker finishes its job, and each channel gets its digest once', async () => {
      const databaseUrl = freshPostgresDatabase('queue');
      const env = environment(databaseUrl);
      const store = openStore(databaseUrl);
      // Two servers, each with a daily schedule made two days ago: today's 00:00 UTC slot is due.
      const made = new Date(Date.now() - 2 * 86_400_000).toISOString();
      for (const { tenantId, channel } of CHANNELS)
        store.schedules.add(tenantId, scheduleInput({ channel, time: '00:00' }), made);

      // The front end sends the due slots as jobs, then goes away: workers need nothing else.
      const front = await startJobScheduler({ store, config: loadConfig(env), log, operatorDigest: false });
      await expect.poll(() => jobs(databaseUrl, 'llm'), { timeout: 20_000 }).toBe('created:0\ncreated:0');
      await front.stop();

      // Worker A: Discord keeps its first post but never answers; A is killed while it waits.
      discord.hangAfterStoring(1);
      const a = startWorker(env);
      const hung = await discord.waitFor((c) => c.method === 'POST' && c.path.endsWith('/messages'), 60_000);
      a.child.kill('SIGKILL');
      expect(await a.exited).toBe(null);

      // Worker B takes the killed job once it expires, finds the post by its nonce, and records it.
      const b = startWorker(env);
      await expect
        .poll(
          () =>
            jobs(databaseUrl, 'digests')
              .split('\n')
              .map((j) => j.split(':')[0]),
          {
            timeout: 90_000,
            interval: 500,
          },
        )
        .toEqual(['completed', 'completed']);
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);

      for (const { tenantId, channel } of CHANNELS) {
        expect(discord.messages.filter((m) => m.channel_id === channel)).toHaveLength(1);
        expect(discord.postsTo(channel)).toBe(1);
        expect(store.deliveries.list(tenantId).map((d) => d.status)).toEqual(['posted']);
      }
      // The post that hung is the one recorded for its channel: found again, not sent again.
      const hungChannel = hung.path.split('/')[2] as string;
      const hungTenant = CHANNELS.find((c) => c.channel === hungChannel)!.tenantId;
      const [recorded] = store.deliveries.list(hungTenant);
      expect(recorded?.messageId).toBe(discord.messages.find((m) => m.channel_id === hungChannel)?.id);
      // The killed worker's job was retried once and completed (so was any other job it held); none failed.
      const retried = psql(
        databaseUrl,
        `SELECT retry_count FROM newsdesk_queue.job WHERE name = 'digests' AND data->>'tenantId' = '${hungTenant}'`,
      );
      expect(retried).toBe('1');
      store.close();
    });
  },
);
