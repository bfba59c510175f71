import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../../src/adapters/slack/manifest.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { installWorkspace } from '../../support/slack-install.ts';
import { OAUTH, type OAuthBot, startOAuthBot } from '../../support/slack-oauth-bot.ts';
import { eventBody, postToSlackApp } from '../../support/slack-sign.ts';
import { slackSlash } from '../../support/slack-slash.ts';

describe('Slack OAuth mode: install, refuse, uninstall', { timeout: 120_000 }, () => {
  let api: SlackStandIn;
  let store: Store;
  let oauth: OAuthBot;

  beforeAll(async () => {
    api = await new SlackStandIn().start();
    store = openStore(':memory:');
    oauth = await startOAuthBot(api, store);
  });

  afterAll(async () => {
    await oauth?.bot.stop();
    await api?.close();
    store?.close();
  });

  const tokenOf = (teamId: string) => api.oauth.workspaces.get(teamId)?.botToken;

  const slash = (teamId: string, userId: string, command: string, text = '') =>
    slackSlash(api, () => oauth.events, OAUTH.signingSecret).send(teamId, userId, command, text);
  const answer = (teamId: string, userId: string, command: string, text = '') =>
    slackSlash(api, () => oauth.events, OAUTH.signingSecret).ask(teamId, userId, command, text);

  const event = (teamId: string, body: Record<string, unknown>) =>
    postToSlackApp(oauth.events, eventBody(teamId, body), { secret: OAUTH.signingSecret, json: true });

  it('installs a workspace: install page -> Slack authorize with state -> redirect with code -> stored', async () => {
    const run = await installWorkspace(oauth.appUrl, api, { teamId: 'TA', user: 'UALICE' });
    expect(run.authorizeUrl.origin + run.authorizeUrl.pathname).toBe(`${api.url}/oauth/v2/authorize`);
    expect(run.authorizeUrl.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(run.authorizeUrl.searchParams.get('scope')).toBe(SLACK_BOT_SCOPES.join(','));
    expect(run.cookieState).toBeTruthy();
    expect(run.authorizeUrl.searchParams.get('state')).toBe(run.cookieState);
    expect(run.status).toBe(200);
    expect(run.page).toContain('Thank you');

    // The code was exchanged with the client credentials, and the new token checked with auth.test.
    const exchange = api.requests.find((r) => r.method === 'oauth.v2.access');
    expect(exchange?.body).toMatchObject({ client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret });
    expect(api.tokensOf('auth.test')).toContain(tokenOf('TA'));

    const row = store.installations.get('slack:TA');
    expect(row?.installedBy).toBe('UALICE');
    expect(row?.installation).toMatchObject({
      team: { id: 'TA' },
      bot: { token: tokenOf('TA'), userId: 'UBOTTA', id: 'BBOTTA' },
      isEnterpriseInstall: false,
    });
    expect(store.tenants.get('slack:TA')?.platform).toBe('slack');
  });

  it('a redirect back without the browser’s state cookie is refused and stores nothing', async () => {
    const run = await installWorkspace(oauth.appUrl, api, { teamId: 'TSTOLEN', cookie: false });
    expect(run.status).toBe(400);
    expect(store.installations.get('slack:TSTOLEN')).toBeUndefined();
  });

  it('an org-wide (Enterprise Grid) install is refused with a page saying so, and stores nothing', async () => {
    const before = store.installations.installed();
    const run = await installWorkspace(oauth.appUrl, api, { enterprise: 'EORG' });
    expect(run.status).toBe(400);
    expect(run.page).toContain('installed per workspace');
    expect(store.installations.installed()).toEqual(before);
    expect(oauth.logs.join('')).toContain('refused an org-wide (Enterprise Grid) install');
  });

  it('answers an installed workspace; whoever installed it is its admin, others are not', async () => {
    expect(await answer('TA', 'UALICE', '/feeds', 'list')).not.toContain('Only server admins');
    expect(await answer('TA', 'UBOB', '/feeds', 'list')).toContain('Only server admins');
  });

  it('refuses a workspace with no installation: no answer, no listener, a warning naming the team', async () => {
    const refused = await slash('TNONE', 'UEVE', '/whois', 'anyone');
    expect(refused).toMatchObject({ status: 200, body: '' });
    // An installed workspace's command sent after it is answered; the refused one never was.
    await answer('TA', 'UALICE', '/whois', 'anyone');
    expect(api.responses.some((r) => r.path === refused.path)).toBe(false);
    const warning = oauth.logs.map((l) => JSON.parse(l)).find((l) => l.msg?.includes('is not authorized'));
    expect(warning).toMatchObject({ level: 40, err: { code: 'slack_bolt_authorization_error' } });
    expect(JSON.stringify(warning)).toContain('Slack workspace TNONE has not installed newsdesk');
    expect(store.tenants.get('slack:TNONE')).toBeUndefined();
  });

  it("app_uninstalled deletes the installation and keeps the tenant's data; a reinstall finds it", async () => {
    await installWorkspace(oauth.appUrl, api, { teamId: 'TGONE', user: 'UGONE' });
    store.settings.set('slack:TGONE', 'note', 'kept');
    expect(await answer('TGONE', 'UGONE', '/feeds', 'list')).not.toContain('Only server admins');

    expect((await event('TGONE', { type: 'app_uninstalled' })).status).toBe(200);
    expect(store.installations.get('slack:TGONE')).toBeUndefined();
    expect(store.settings.get('slack:TGONE', 'note')).toBe('kept');
    const refused = await slash('TGONE', 'UGONE', '/feeds', 'list');
    expect(refused).toMatchObject({ status: 200, body: '' });
    await answer('TA', 'UALICE', '/whois', 'anyone');
    expect(api.responses.some((r) => r.path === refused.path)).toBe(false);

    await installWorkspace(oauth.appUrl, api, { teamId: 'TGONE', user: 'UGONE' });
    expect(store.settings.get('slack:TGONE', 'note')).toBe('kept');
    expect(await answer('TGONE', 'UGONE', '/settings')).toContain('slack:TGONE');
  });

  it("answers Slack's check of the events URL the manifest subscribes to (url_verification)", async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'challenge-4f2a', type: 'url_verification' });
    const res = await postToSlackApp(oauth.events, body, { secret: OAUTH.signingSecret, json: true });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('challenge-4f2a');
  });

  it('tokens_revoked deletes the installation when the bot token is revoked, not for user tokens only', async () => {
    await installWorkspace(oauth.appUrl, api, { teamId: 'TREV', user: 'UREV' });
    await event('TREV', { type: 'tokens_revoked', tokens: { oauth: ['UREV'] } });
    expect(store.installations.get('slack:TREV')).toBeDefined();
    await event('TREV', { type: 'tokens_revoked', tokens: { bot: ['UBOTTREV'] } });
    expect(store.installations.get('slack:TREV')).toBeUndefined();
  });

  it('no bot token, client secret, state secret or signing secret in the logs, Bolt’s debug lines included', () => {
    const logs = oauth.logs.join('');
    // The capture is complete: it holds the Web API client's request lines and our install lines.
    expect(logs).toContain("apiCall('oauth.v2.access') start");
    expect(logs).toContain('http request body');
    expect(logs).toContain('slack: workspace installed');
    const secrets = [OAUTH.clientSecret, OAUTH.stateSecret, OAUTH.signingSecret];
    const tokens = [...api.oauth.workspaces.values()].map((w) => w.botToken);
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    for (const secret of [...secrets, ...tokens]) expect(logs).not.toContain(secret);
  });
});
