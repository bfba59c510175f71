import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DiscordBot,
  type InteractionsServer,
  startDiscordBot,
  startInteractionsServer,
} from '../../../src/adapters/discord/index.ts';
import { ADMIN_ONLY_MESSAGE } from '../../../src/core/run-command.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { createLogger } from '../../../src/log.ts';
import {
  autocomplete,
  buttonClick,
  OPTION,
  slashCommand,
  type Where,
} from '../../support/discord-interactions.ts';
import { DiscordStandIn, IDS, type RestCall } from '../../support/discord-server.ts';
import { tempStore, testConfig } from '../../support/discord-store.ts';
import { TenantFeed } from '../../support/tenant-feed.ts';
import {
  applicationKeys,
  type HttpResult,
  interactionsEnv,
  postRaw,
  signatureHeaders,
} from './signed-post.ts';

const log = createLogger('silent');
const A: Where = { guild: IDS.guild, channel: IDS.channel };
const B: Where = { guild: IDS.guildB, channel: IDS.channelB };
const NOW = new Date('2026-02-01T12:00:00Z');
const NOW_SECONDS = String(NOW.getTime() / 1000);
const EPHEMERAL = 64;
// The shared sample corpus gives /timeline more than one page.
const SHARED = '../shared/corpus';
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`${SHARED} not found: skipping the HTTP /timeline paging test`);
// Our own words: an actor no other source names, and a mention hidden in the article text.
const ARTICLE = `Quenby opens port talks in Valletta
By Test Desk
Jan 27, 2026

Foreign Minister Marisol Quenby arrived in Valletta on 27 January 2026 to open the port negotiations. @everyone Quenby said the ceasefire talks would resume within a week.
`;

interface Message {
  embeds?: { title?: string; description?: string; footer?: { text: string } }[];
  components?: { components: { custom_id: string; label: string; disabled: boolean }[] }[];
  allowed_mentions?: unknown;
  flags?: number;
}

/** Discord's Interactions Endpoint URL, served by newsdesk on 127.0.0.1 and called as Discord would. */
describe('Discord interactions over HTTP', { timeout: 240_000 }, () => {
  const discord = new DiscordStandIn();
  const feed = new TenantFeed();
  const { store, cleanup } = tempStore();
  const corpus = mkdtempSync(join(tmpdir(), 'newsdesk-http-corpus-'));
  const keys = applicationKeys();
  let endpoint: InteractionsServer;
  let gateway: DiscordBot;
  let url: string;

  beforeAll(async () => {
    await Promise.all([discord.start(), feed.server.start()]);
    writeFileSync(join(corpus, 'valletta-talks.txt'), ARTICLE);
    const config = testConfig({
      ...interactionsEnv(discord, IDS.application, keys.publicKeyHex),
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
    });
    await runIngest(store, { corpusDirs: hasShared ? [corpus, SHARED] : [corpus], feeds: false, config });
    endpoint = await startInteractionsServer({ config, store, log, now: () => NOW, host: '127.0.0.1' });
    // The gateway adapter beside it, on the same store: the answers must be the same.
    gateway = await startDiscordBot({ config, store, log, now: () => NOW });
    url = `http://127.0.0.1:${endpoint.port}${config.DISCORD_INTERACTIONS_PATH}`;
  }, 120_000);

  afterAll(async () => {
    await endpoint?.stop();
    await gateway?.stop();
    await discord.close();
    await feed.server.stop();
    cleanup();
    rmSync(corpus, { recursive: true, force: true });
  });

  const post = (payload: unknown, timestamp = NOW_SECONDS): Promise<HttpResult> => {
    const body = JSON.stringify(payload);
    return postRaw(url, body, signatureHeaders(body, { key: keys.privateKey, timestamp }));
  };

  const original = (token: string) => (c: RestCall) =>
    c.method === 'PATCH' && c.path === `/webhooks/${IDS.application}/${token}/messages/@original`;

  /** A deferred command: the HTTP answer (type 5) and the PATCH of @original that follows it. */
  async function deferred(interaction: { token: string }) {
    const ack = await post(interaction);
    const edit = await discord.waitFor(original(interaction.token));
    return { ack, edit: edit.body as Message, text: JSON.stringify(edit.body) };
  }

  const feeds = (sub: string, where: Where, who: 'admin' | 'member', value?: string) =>
    slashCommand(
      'feeds',
      [
        {
          name: sub,
          type: OPTION.subcommand,
          options: value ? [{ name: 'url', type: OPTION.string, value }] : [],
        },
      ],
      who,
      where,
    );

  it('answers PING with PONG', async () => {
    expect(await post({ id: '1', token: 't', application_id: IDS.application, type: 1 })).toEqual({
      status: 200,
      body: { type: 1 },
    });
  });

  it('refuses a wrong key, missing headers, a tampered body and a stale timestamp with 401', async () => {
    const body = JSON.stringify({ id: '1', token: 't', application_id: IDS.application, type: 1 });
    const signed = signatureHeaders(body, { key: keys.privateKey, timestamp: NOW_SECONDS });
    const stranger = applicationKeys().privateKey;
    const attempts = [
      postRaw(url, body, signatureHeaders(body, { key: stranger, timestamp: NOW_SECONDS })),
      postRaw(url, body, {}),
      postRaw(url, body, { 'x-signature-timestamp': NOW_SECONDS }),
      postRaw(url, body, { 'x-signature-ed25519': signed['x-signature-ed25519']! }),
      postRaw(url, body.replace('"type":1', '"type":2'), signed),
      postRaw(url, body, { ...signed, 'x-signature-timestamp': String(Number(NOW_SECONDS) + 1) }),
      postRaw(
        url,
        body,
        signatureHeaders(body, { key: keys.privateKey, timestamp: String(Number(NOW_SECONDS) - 600) }),
      ),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
  });

  it('answers malformed JSON and an unknown payload with 400, an oversized body with 413, and keeps serving', async () => {
    const broken = '{"type": 1,';
    expect(
      (await postRaw(url, broken, signatureHeaders(broken, { key: keys.privateKey, timestamp: NOW_SECONDS })))
        .status,
    ).toBe(400);
    expect((await post({ hello: 'world' })).status).toBe(400);
    expect((await post({ id: '1', token: 't', application_id: IDS.application, type: 99 })).status).toBe(400);
    const huge = JSON.stringify({ type: 1, pad: 'x'.repeat(300 * 1024) });
    const tooBig = await fetch(url, {
      method: 'POST',
      headers: signatureHeaders(huge, { key: keys.privateKey, timestamp: NOW_SECONDS }),
      body: huge,
    });
    expect(tooBig.status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url.replace('/interactions', '/elsewhere'), { method: 'POST' })).status).toBe(404);
    expect((await post({ id: '2', token: 't', application_id: IDS.application, type: 1 })).body).toEqual({
      type: 1,
    });
  });

  it('answers /whois in the HTTP response with what the gateway adapter edits in', async () => {
    const ask = () =>
      slashCommand('whois', [{ name: 'actor', type: OPTION.string, value: 'Marisol Quenby' }]);
    const http = await post(ask());
    expect(http.status).toBe(200);
    expect(http.body.type).toBe(4);
    const data = http.body.data as Message;
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds?.[0]?.title).toBe('Marisol Quenby');

    const viaGateway = ask();
    discord.dispatch('INTERACTION_CREATE', viaGateway);
    const edit = await discord.waitFor(original(viaGateway.token));
    expect(data.embeds).toEqual((edit.body as Message).embeds);
  });

  it('suggests actor names for autocomplete and answers an expired page button privately', async () => {
    const suggestions = await post(autocomplete('whois', 'actor', 'Quen'));
    expect(suggestions.body.type).toBe(8);
    expect(JSON.stringify(suggestions.body.data)).toContain('Marisol Quenby');
    const button = await post(
      buttonClick('nd:page:unknownkey:1', { id: discord.id(), channel_id: IDS.channel }),
    );
    expect(button.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(JSON.stringify(button.body)).toContain('These buttons have expired');
  });

  it.skipIf(!hasShared)(
    'pages /timeline with a button answered by updating the message (type 7)',
    async () => {
      const first = (await post(slashCommand('timeline'))).body.data as Message;
      expect(first.embeds?.at(-1)?.footer?.text).toMatch(/page 1 of \d+/);
      const next = first.components?.[0]?.components.find((b) => b.label.startsWith('Next'));
      expect(next?.disabled).toBe(false);
      const click = buttonClick(next!.custom_id, {
        id: discord.id(),
        channel_id: IDS.channel,
        author: discord.botUser(),
        embeds: first.embeds,
        components: first.components,
      });
      const second = await post(click);
      expect(second.body.type).toBe(7);
      const page = second.body.data as Message;
      expect(page.embeds?.at(-1)?.footer?.text).toMatch(/page 2 of \d+/);
      expect(page.embeds?.[0]?.description).not.toBe(first.embeds?.[0]?.description);
      expect(page.allowed_mentions).toEqual({ parse: [] });
    },
  );

  it('defers a slow command (type 5) and then PATCHes its answer over the webhook', async () => {
    const { ack, edit } = await deferred(feeds('list', A, 'admin'));
    expect(ack).toEqual({ status: 200, body: { type: 5, data: { flags: EPHEMERAL } } });
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(edit.embeds?.length).toBeGreaterThan(0);
  });

  it('replaces a public placeholder by a private follow-up when the answer is private', async () => {
    const interaction = slashCommand(
      'digest',
      [
        {
          name: 'now',
          type: OPTION.subcommand,
          options: [{ name: 'post', type: OPTION.boolean, value: true }],
        },
      ],
      'member',
    );
    const ack = await post(interaction);
    expect(ack.body).toEqual({ type: 5, data: {} });
    const webhook = `/webhooks/${IDS.application}/${interaction.token}`;
    const followUp = await discord.waitFor((c) => c.method === 'POST' && c.path === webhook);
    expect(followUp.body).toMatchObject({ flags: EPHEMERAL, allowed_mentions: { parse: [] } });
    expect(JSON.stringify(followUp.body)).toContain('Only server admins can post the digest');
    const deleted = discord.calls.findIndex(
      (c) => c.method === 'DELETE' && c.path === `${webhook}/messages/@original`,
    );
    expect(deleted).toBeGreaterThanOrEqual(0);
    expect(deleted).toBeLessThan(discord.calls.indexOf(followUp));
  });

  it('keeps servers apart: a feed added in A is not listed in B', async () => {
    const added = await deferred(feeds('add', A, 'admin', feed.url));
    expect(added.text).toContain('Now following Harbour Wire');
    expect((await deferred(feeds('list', A, 'admin'))).text).toContain('Harbour Wire');
    const inB = (await deferred(feeds('list', B, 'admin'))).text;
    expect(inB).not.toContain('Harbour Wire');
    expect(inB).not.toContain('tenant-a-secret');
  });

  it('refuses an admin command to a member without Manage Server, and tenant commands in a DM', async () => {
    const refused = await deferred(feeds('add', A, 'member', feed.url));
    expect(refused.text).toContain(ADMIN_ONLY_MESSAGE);
    const {
      guild_id: _g,
      member,
      channel: _c,
      ...rest
    } = slashCommand('whois', [{ name: 'actor', type: OPTION.string, value: 'Marisol Quenby' }]);
    const dm = await post({ ...rest, user: member.user, context: 1 });
    expect(JSON.stringify(dm.body)).toContain('works in a server or workspace');
    expect(JSON.stringify(dm.body)).not.toContain('Valletta');
  });

  it('delivers an @everyone from article text inert', async () => {
    const answer = await post(
      slashCommand('timeline', [{ name: 'actor', type: OPTION.string, value: 'Marisol Quenby' }]),
    );
    const wire = JSON.stringify(answer.body);
    expect(wire).toContain('@\u200Beveryone');
    expect(wire).not.toMatch(/@everyone/);
  });
});

describe('Discord interactions over HTTP: configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      testConfig(env);
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('names a public key that is not 64 hex characters, a path without a slash and a port Slack uses', () => {
    expect(problems({ DISCORD_PUBLIC_KEY: 'not-a-key' })).toMatch(/^DISCORD_PUBLIC_KEY: expected .*64 hex/m);
    expect(problems({ DISCORD_INTERACTIONS_PATH: 'interactions' })).toMatch(/^DISCORD_INTERACTIONS_PATH: /m);
    const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '3000' };
    expect(
      problems({ ...slackHttp, DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_INTERACTIONS_PORT: '3000' }),
    ).toMatch(/^DISCORD_INTERACTIONS_PORT: must differ from PORT/m);
    expect(problems({ ...slackHttp, DISCORD_PUBLIC_KEY: 'ab'.repeat(32) })).toBe('');
  });
});
