import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackBot, startSlackBot } from '../../../src/adapters/slack/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { expectActorIsolation, expectFeedIsolation, slackSlash } from '../../support/slack-slash.ts';
import { TenantFeed } from '../../support/tenant-feed.ts';

const SECRET = 'test-signing-secret';
const log = pino({ level: 'silent' });

/** Two workspaces on one Slack app: signed requests from team T1 and team T2 are two tenants. */
describe('Slack: two workspaces, two tenants', { timeout: 240_000 }, () => {
  const feed = new TenantFeed();
  let api: SlackStandIn;
  let store: Store;
  let bot: SlackBot;
  const slash = () => slackSlash(api, () => `http://127.0.0.1:${bot.port}/slack/events`, SECRET);

  beforeAll(async () => {
    [api] = await Promise.all([new SlackStandIn().start(), feed.server.start()]);
    store = openStore(':memory:');
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.apiUrl,
      SLACK_ADMIN_USER_IDS: 'UADMIN1,UADMIN2',
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    await runIngest(store, { corpusDirs: ['corpus'], feeds: false, config });
    bot = await startSlackBot({ config, store, log, webApiRetries: 0 });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await api?.close();
    await feed.server.stop();
    store?.close();
  });

  it("T2's admin cannot see, remove or configure T1's feed, and T2 does not know T1's actor", async () => {
    const { ask } = slash();
    await expectFeedIsolation(
      ask,
      { team: 'T1', admin: 'UADMIN1' },
      { team: 'T2', admin: 'UADMIN2' },
      feed.url,
    );
    expect(await ask('T2', 'UMEMBER', '/settings')).toContain('Only server admins');
    await expectActorIsolation(ask, 'T1', 'T2');
  });
});
