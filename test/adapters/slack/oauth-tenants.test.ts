import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChannelSchedules } from '../../../src/digest/channel-schedules.ts';
import { deliverSlot } from '../../../src/digest/deliver.ts';
import { pollFeeds } from '../../../src/ingest/feeds/index.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { channelTargets } from '../../../src/notify/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { prepareSample, SAMPLE_PLAN } from '../../support/digest-fixtures.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { installWorkspace } from '../../support/slack-install.ts';
import { OAUTH, type OAuthBot, startOAuthBot } from '../../support/slack-oauth-bot.ts';
import { eventBody, postToSlackApp } from '../../support/slack-sign.ts';
import { expectActorIsolation, expectFeedIsolation, slackSlash } from '../../support/slack-slash.ts';
import { TenantFeed } from '../../support/tenant-feed.ts';

const NOW = new Date('2026-02-01T12:00:00Z');
const quiet = pino({ level: 'silent' });

/** Two workspaces that installed the app through OAuth: two installations, two tenants, two tokens. */
describe('Slack OAuth mode: two workspaces, two installations', { timeout: 240_000 }, () => {
  const feed = new TenantFeed();
  let api: SlackStandIn;
  let store: Store;
  let oauth: OAuthBot;

  beforeAll(async () => {
    [api] = await Promise.all([new SlackStandIn().start(), feed.server.start()]);
    store = openStore(':memory:');
    oauth = await startOAuthBot(
      api,
      store,
      { ALLOW_PRIVATE_FEEDS: 'true', FETCH_FULL_TEXT: 'false' },
      () => NOW,
    );
    // The operator's shared source: the project's corpus, seen by both workspaces.
    await runIngest(store, { corpusDirs: ['corpus'], feeds: false, config: oauth.config });
    for (const [teamId, user] of [
      ['TA', 'UADMINA'],
      ['TB', 'UADMINB'],
    ] as const) {
      expect((await installWorkspace(oauth.appUrl, api, { teamId, user })).status).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    await oauth?.bot.stop();
    await api?.close();
    await feed.server.stop();
    store?.close();
  });

  const tokenOf = (teamId: string) => api.oauth.workspaces.get(teamId)!.botToken;

  const slash = (teamId: string, userId: string, command: string, text = '') =>
    slackSlash(api, () => oauth.events, OAUTH.signingSecret).ask(teamId, userId, command, text);

  const feedArticleIds = () =>
    store.articles
      .list({ includeDuplicates: true })
      .filter((a) => a.feedId !== null)
      .map((a) => a.id);

  it("B's installer cannot see, remove or post A's feed; B's /digest post leaves A's digest as it was", async () => {
    await expectFeedIsolation(
      slash,
      { team: 'TA', admin: 'UADMINA' },
      { team: 'TB', admin: 'UADMINB' },
      feed.url,
    );
    // A's installer is no admin in B.
    expect(await slash('TB', 'UADMINA', '/feeds', 'list')).toContain('Only server admins');

    // A new item arrives; B's posted digest carries nothing of A's feed and leaves A's next digest as it was.
    feed.publishNext();
    await pollFeeds(store, oauth.config, { force: true });
    const aBefore = await slash('TA', 'UADMINA', '/digest');
    expect(aBefore).toContain('Harbour Wire');
    const bPosted = await slash('TB', 'UADMINB', '/digest', 'post');
    expect(bPosted).toContain('in_channel');
    expect(bPosted).not.toContain('Harbour Wire');
    expect(bPosted).not.toContain('Ostrum');
    const reportedB = store.summaries.reportedItems('slack:TB').flatMap((r) => r.articleIds);
    expect(reportedB.length).toBeGreaterThan(0);
    expect(reportedB.filter((articleId) => feedArticleIds().includes(articleId))).toEqual([]);
    expect(await slash('TA', 'UADMINA', '/digest')).toBe(aBefore);
  });

  it('an actor known only from A’s feed is answered in A and unknown in B', async () => {
    await expectActorIsolation(slash, 'TA', 'TB');
  });

  it("each workspace's digest is posted, and looked up, with that workspace's own token", async () => {
    for (const teamId of ['TA', 'TB']) {
      const channel = `CNEWS${teamId}`;
      const target = oauth.bot.digestTarget(channel, teamId);
      const outcomes = await deliverSlot(store, SAMPLE_PLAN, [target], {
        tenantId: `slack:${teamId}`,
        log: quiet,
        retry: { attempts: 1, baseMs: 1, maxMs: 1 },
        prepare: prepareSample,
      });
      expect(outcomes[0]?.status).toBe('posted');
      const posts = api.requests.filter((r) => r.method === 'chat.postMessage' && r.body.channel === channel);
      expect(posts.map((r) => r.token)).toEqual([tokenOf(teamId)]);
      const nonce = store.deliveries.get(`slack:${teamId}`, SAMPLE_PLAN.slot, 'slack', channel)!.nonce;
      expect(await target.findPosted(nonce)).not.toBeNull();
      const lookups = api.requests.filter(
        (r) => r.method === 'conversations.history' && r.body.channel === channel,
      );
      expect(lookups.map((r) => r.token)).toEqual([tokenOf(teamId)]);
    }
    expect(tokenOf('TA')).not.toBe(tokenOf('TB'));
  });

  it("each workspace's scheduled digest (/digest schedule) goes out once with its own token", async () => {
    for (const [team, admin] of [
      ['TA', 'UADMINA'],
      ['TB', 'UADMINB'],
    ] as const)
      expect(
        await slash(team, admin, '/digest', `schedule channel:<#CSCHED${team}|news> time:08:00`),
      ).toContain(`in CSCHED${team}: 08:00`);
    const runner = startChannelSchedules({
      store,
      config: oauth.config,
      log: quiet,
      now: () => new Date('2026-02-02T08:30:00Z'),
      pollMs: 3_600_000,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
      ingest: async () => undefined,
      targetFor: ({ tenantId, channel }) => channelTargets({ slack: oauth.bot })(tenantId, channel) ?? null,
    });
    try {
      const outcomes = await runner.tick();
      expect(outcomes.map((o) => [o.tenantId, o.channel, o.status]).sort()).toEqual([
        ['slack:TA', 'CSCHEDTA', 'posted'],
        ['slack:TB', 'CSCHEDTB', 'posted'],
      ]);
      expect(await runner.tick()).toEqual([]);
    } finally {
      await runner.stop();
    }
    for (const team of ['TA', 'TB']) {
      const posts = api.requests.filter(
        (r) => r.method === 'chat.postMessage' && r.body.channel === `CSCHED${team}`,
      );
      expect(posts.map((r) => r.token)).toEqual([tokenOf(team)]);
    }
  });

  it("item posts and health messages reach a workspace's channel with its token; the operator's none", async () => {
    const targets = channelTargets({ slack: oauth.bot });
    await targets('slack:TB', 'CITEMSTB')!.send(
      { text: 'New item', blocks: [], ephemeral: false },
      'nd-item-b',
    );
    const posted = api.requests.filter(
      (r) => r.method === 'chat.postMessage' && r.body.channel === 'CITEMSTB',
    );
    expect(posted.map((r) => r.token)).toEqual([tokenOf('TB')]);
    // The operator has no workspace in OAuth mode: its Slack channel fails at send, with nothing sent.
    const sent = api.requests.length;
    await expect(
      targets('operator', 'slack:COPS')!.send({ text: 'x', blocks: [], ephemeral: false }, 'nd-op'),
    ).rejects.toMatchObject({
      code: 'ERR_SLACK_NOT_INSTALLED',
    });
    expect(api.requests.length).toBe(sent);
  });

  it('once B uninstalls, its deliveries fail as not installed with nothing sent, and A’s still go out', async () => {
    const uninstall = eventBody('TB', { type: 'app_uninstalled' });
    const res = await postToSlackApp(oauth.events, uninstall, { secret: OAUTH.signingSecret, json: true });
    expect(res.status).toBe(200);
    expect(store.installations.installed()).toEqual(['slack:TA']);
    const plan = { ...SAMPLE_PLAN, slot: '2026-02-02T08:00:00+00:00' };
    const sent = api.requests.length;
    const [b] = await deliverSlot(store, plan, [oauth.bot.digestTarget('CNEWSTB', 'TB')], {
      tenantId: 'slack:TB',
      log: quiet,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
      prepare: prepareSample,
    });
    expect(b?.status).toBe('failed');
    expect(store.deliveries.get('slack:TB', plan.slot, 'slack', 'CNEWSTB')?.lastError).toContain(
      'Slack workspace TB has not installed newsdesk',
    );
    expect(api.requests.slice(sent).map((r) => r.method)).toEqual([]);
    const [a] = await deliverSlot(store, plan, [oauth.bot.digestTarget('CNEWSTA', 'TA')], {
      tenantId: 'slack:TA',
      log: quiet,
      prepare: prepareSample,
    });
    expect(a?.status).toBe('posted');
    // B's feeds and digests stay in the store for a reinstall.
    expect(store.summaries.reportedItems('slack:TB').length).toBeGreaterThan(0);
  });

  it('no bot token or secret in the logs of the installs, commands and deliveries', () => {
    const logs = oauth.logs.join('');
    expect(logs).toContain("apiCall('chat.postMessage') start");
    for (const secret of [
      tokenOf('TA'),
      tokenOf('TB'),
      OAUTH.clientSecret,
      OAUTH.stateSecret,
      OAUTH.signingSecret,
    ])
      expect(logs).not.toContain(secret);
  });
});
