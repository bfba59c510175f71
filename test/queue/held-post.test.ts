import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startJobScheduler } from '../../src/queue/front.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/index.ts';
import { scheduleInput } from '../support/digest-fixtures.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing, psql } from '../support/postgres.ts';
import { SlackStandIn } from '../support/slack-api.ts';

const log = pino({ level: 'silent' });
const TENANT = 'slack:T1';
const CHANNEL = 'C0NEWS';

const slack = new SlackStandIn();
beforeAll(() => slack.start());
afterAll(() => slack.close());

const digestsJob = (url: string) =>
  psql(url, "SELECT state || ':' || retry_count FROM newsdesk_queue.job WHERE name = 'digests'");

describe.skipIf(!postgresAvailable())(
  `a digest post held past the job timeout (PostgreSQL, Slack) ${postgresMissing()}`,
  { timeout: 120_000 },
  () => {
    it('the stalled attempt gives up at its deadline and posts nothing more; the retry posts once', async () => {
      const url = freshPostgresDatabase('held');
      const store = openStore(url);
      store.schedules.add(
        TENANT,
        scheduleInput({ platform: 'slack', channel: CHANNEL, time: '00:00' }),
        new Date(Date.now() - 2 * 86_400_000).toISOString(),
      );
      const config = loadConfig({
        DATABASE_URL: url,
        SLACK_BOT_TOKEN: 'xoxb-held-post',
        SLACK_SIGNING_SECRET: 'held-post-signing-secret',
        SLACK_API_URL: slack.apiUrl,
        // The job is given to another attempt after 4 s; a post gives up after 3 s.
        QUEUE_JOB_TIMEOUT_SECONDS: '4',
        POST_TIMEOUT_MS: '3000',
        LOG_LEVEL: 'silent',
      });
      // Slack holds the first post 12 s: well past the job's timeout and its retry's post.
      const held = slack.holdPost(12_000);
      const front = await startJobScheduler({ store, config, log, operatorDigest: false });
      // Two workers, one after the other (pg-boss creating its queues from two connections at once
      // on a new database can deadlock).
      const stores = [openStore(url), openStore(url)];
      const workers = [];
      for (const s of stores)
        workers.push(await startWorker({ config, store: s, log, queues: ['llm', 'digests'] }));

      await expect
        .poll(() => digestsJob(url), { timeout: 60_000, interval: 500 })
        .toMatch(/^completed:[1-9]/);
      // The held post's sender had given up by the time Slack would have carried it out.
      expect(await held).toBe('dropped');
      await front.stop();
      await Promise.all(workers.map((w) => w.stop()));

      const posts = slack.posts.filter((p) => p.channel === CHANNEL);
      expect(posts).toHaveLength(1);
      expect(store.deliveries.list(TENANT)).toMatchObject([
        { status: 'posted', messageId: posts[0]?.ts, attempts: 2 },
      ]);
      for (const s of stores) s.close();
      store.close();
    });
  },
);
