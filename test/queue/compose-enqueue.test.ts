import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/index.ts';
import { scheduleInput } from '../support/digest-fixtures.ts';
import { DiscordStandIn, IDS } from '../support/discord-server.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';

const log = pino({ level: 'silent' });
const TENANT = `discord:${IDS.guild}`;

const discord = new DiscordStandIn();
beforeAll(() => discord.start());
afterAll(() => discord.close());

const states = (url: string, queue: string) =>
  psql(
    url,
    `SELECT string_agg(state::text, ',' ORDER BY id) FROM newsdesk_queue.job WHERE name = '${queue}'`,
  );

/** Makes every insert of a `digests` job fail inside its transaction, as a crash there would end it. */
const REFUSE_DIGESTS = `
  CREATE FUNCTION public.refuse_digests() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'no digests job now (test)'; END $$;
  CREATE TRIGGER refuse_digests BEFORE INSERT ON newsdesk_queue.job
    FOR EACH ROW WHEN (NEW.name = 'digests') EXECUTE FUNCTION public.refuse_digests();`;

describe.skipIf(!postgresAvailable())(
  `a composed slot and its delivery job, in one transaction (PostgreSQL) ${postgresMissing()}`,
  { timeout: 120_000 },
  () => {
    it('a failure after composing, before the commit, leaves neither slot nor job; the retry composes and posts once', async () => {
      const url = freshPostgresDatabase('compose');
      const store = openStore(url);
      store.schedules.add(
        TENANT,
        scheduleInput({ channel: IDS.channel, time: '00:00' }),
        new Date(Date.now() - 2 * 86_400_000).toISOString(),
      );
      const config = loadConfig({
        DATABASE_URL: url,
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: IDS.application,
        DISCORD_API_URL: discord.apiUrl,
        LOG_LEVEL: 'silent',
      });
      const front = await startJobScheduler({ store, config, log, operatorDigest: false });
      await expect.poll(() => states(url, 'llm'), { timeout: 20_000 }).toBe('created');
      psql(url, REFUSE_DIGESTS);

      // A worker on its own connection, as `newsdesk worker` opens one.
      const workerStore = openStore(url);
      const worker = await startWorker({ config, store: workerStore, log, queues: ['llm', 'digests'] });
      // The llm job failed (pg-boss keeps its error as the output) and waits for its retry.
      const failure = () =>
        psql(url, "SELECT coalesce(output->>'message', '') FROM newsdesk_queue.job WHERE name = 'llm'");
      await expect.poll(failure, { timeout: 30_000, interval: 200 }).toContain('no digests job now (test)');
      expect(psql(url, 'SELECT count(*) FROM digest_slots')).toBe('0');
      expect(psql(url, "SELECT count(*) FROM newsdesk_queue.job WHERE name = 'digests'")).toBe('0');
      expect(discord.postsTo(IDS.channel)).toBe(0);

      // The cause goes away: the llm job's next attempt composes the slot and queues its delivery.
      psql(url, 'DROP TRIGGER refuse_digests ON newsdesk_queue.job');
      await expect
        .poll(() => [states(url, 'llm'), states(url, 'digests')], { timeout: 60_000, interval: 500 })
        .toEqual(['completed', 'completed']);
      await worker.stop();
      await front.stop();

      expect(discord.postsTo(IDS.channel)).toBe(1);
      expect(psql(url, 'SELECT count(*) FROM digest_slots')).toBe('1');
      expect(store.deliveries.list(TENANT).map((d) => d.status)).toEqual(['posted']);
      workerStore.close();
      store.close();
    });
  },
);
