import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { scheduleInput } from '../support/digest-fixtures.ts';
import { DiscordStandIn, IDS } from '../support/discord-server.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';

const discord = new DiscordStandIn();
beforeAll(() => discord.start());
afterAll(() => discord.close());

describe.skipIf(!postgresAvailable())(
  `npm start with DATABASE_URL (PostgreSQL) ${postgresMissing()}`,
  {
    timeout: 120_000,
  },
  () => {
    it('schedules the due digests as jobs and posts nothing itself; two starts queue each slot once', async () => {
      const url = freshPostgresDatabase('front');
      const store = openStore(url);
      const made = new Date(Date.now() - 2 * 86_400_000).toISOString();
      store.schedules.add(
        `discord:${IDS.guild}`,
        scheduleInput({ channel: IDS.channel, time: '00:00' }),
        made,
      );
      store.close();

      const start = () =>
        new Promise<number | null>((resolve, reject) => {
          const child = spawn(process.execPath, ['bin/newsdesk-bot.js'], {
            env: {
              PATH: process.env.PATH ?? '',
              DATABASE_URL: url,
              DISCORD_TOKEN: discord.token,
              DISCORD_APPLICATION_ID: IDS.application,
              DISCORD_API_URL: discord.apiUrl,
              DIGEST_DISCORD_CHANNEL_IDS: IDS.channelB,
              DIGEST_CRON: '0 0 * * *',
              LOG_LEVEL: 'info',
            },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let seen = '';
          child.stderr?.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            // Both timers have queued their slot: the front end's work is done.
            if (seen.includes('"scheduled digests queued"') && seen.includes('"digest queued"'))
              child.kill('SIGTERM');
          });
          child.on('exit', resolve);
          child.on('error', reject);
        });
      expect(await start()).toBe(0);
      expect(await start()).toBe(0);

      // One job per slot: the server's schedule and the operator's DIGEST_CRON, waiting for a worker.
      expect(
        psql(
          url,
          "SELECT data->>'tenantId' || ':' || state FROM newsdesk_queue.job WHERE name = 'llm' ORDER BY 1",
        ),
      ).toBe(`discord:${IDS.guild}:created\noperator:created`);
      expect(discord.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toEqual([]);
    });
  },
);
