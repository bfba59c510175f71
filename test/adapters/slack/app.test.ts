import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { type SlackBot, startSlackBot } from '../../../src/adapters/slack/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { defineCommand } from '../../../src/core/command.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { deliverSlot } from '../../../src/digest/deliver.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { prepareSample, SAMPLE_PLAN, sampleDigest, sampleReply } from '../../support/digest-fixtures.ts';
import { SlackStandIn } from '../../support/slack-api.ts';
import { postToSlackApp, slashCommandBody } from '../../support/slack-sign.ts';

const SECRET = 'test-signing-secret';
const log = pino({ level: 'silent' });

const hostile: Reply = {
  title: 'Talks <!here>',
  text: 'Envoy said <!channel> & <@U123> should attend',
  blocks: [
    {
      type: 'list',
      items: [
        {
          text: 'Envoy said <!channel> & <@U123> should attend <https://evil.example|click>',
          sources: [
            { articleId: 1, title: 'Talks resume', url: 'https://news.example/a?x=1&y=2', source: 'Example' },
          ],
        },
      ],
    },
  ],
  ephemeral: true,
};

/** Headlines, labels and titles from outside, as a feed or a model could write them. */
const outside: Reply = {
  title: 'Talks [read more](https://evil.example/t) <!here> @here',
  text: 'Talks @here https://evil.example/t',
  blocks: [
    {
      type: 'list',
      items: [
        {
          text: 'Envoys met; see https://evil.example/a or www.evil.example',
          sources: [
            {
              articleId: 1,
              title: 'Talks',
              url: 'https://news.example/a',
              source: '<@U123456789> @everyone',
            },
            { articleId: 2, title: '<!channel> @here', source: null },
          ],
        },
      ],
    },
    { type: 'fields', fields: [{ name: '@channel', value: 'https://evil.example/f' }] },
    { type: 'footnote', text: 'Feed: @here https://evil.example/n' },
  ],
  ephemeral: true,
};

const testCommands = [
  ...commands,
  defineCommand({
    name: 'hostile',
    description: 'Answers with article text full of mention syntax',
    options: [],
    adminOnly: false,
    run: async () => hostile,
  }),
  defineCommand({
    name: 'outside',
    description: 'Answers with headlines, labels and titles from outside',
    options: [],
    adminOnly: false,
    run: async () => outside,
  }),
  defineCommand({
    name: 'echo',
    description: 'Shows the arguments it got, paginated',
    options: [
      { name: 'actor', description: 'who', type: 'string' },
      { name: 'days', description: 'how many', type: 'integer' },
    ],
    adminOnly: false,
    run: async (_ctx, args) => ({
      text: JSON.stringify(args),
      blocks: [{ type: 'paragraph', text: JSON.stringify(args) }],
      ephemeral: true,
      pagination: { command: 'echo', args: { actor: String(args.actor) }, page: args.page ?? 0, pages: 3 },
    }),
  }),
];

let api: SlackStandIn;
let store: Store;
let bot: SlackBot;
let events: string;

beforeAll(async () => {
  api = await new SlackStandIn().start();
  store = openStore(':memory:');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.apiUrl,
    SLACK_ADMIN_USER_IDS: 'UADMIN',
    PORT: '0',
  });
  bot = await startSlackBot({ config, store, log, commands: testCommands, webApiRetries: 0 });
  events = `http://127.0.0.1:${bot.port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  store?.close();
});

async function slash(command: string, text: string, userId = 'UUSER') {
  const responseUrl = api.responseUrl(`${command.slice(1)}-${api.responses.length}-${Math.random()}`);
  const res = await postToSlackApp(events, slashCommandBody({ command, text, userId, responseUrl }), {
    secret: SECRET,
  });
  return { res, responseUrl };
}

async function responseTo(url: string) {
  const path = new URL(url).pathname;
  for (;;) {
    const hit = api.responses.find((r) => r.path === path);
    if (hit) return hit.body;
    await api.waitForResponses(api.responses.length + 1);
  }
}

describe('Slack app over HTTP', () => {
  it('acknowledges a signed /help at once and responds ephemerally with blocks', async () => {
    const { res, responseUrl } = await slash('/help', '');
    expect(res.status).toBe(200);
    const body = await responseTo(responseUrl);
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('/whois');
  });

  it('rejects a request with a bad signature', async () => {
    const body = slashCommandBody({
      command: '/help',
      text: '',
      userId: 'U1',
      responseUrl: api.responseUrl('bad'),
    });
    const res = await postToSlackApp(events, body, { secret: SECRET, signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed request with a stale timestamp', async () => {
    const body = slashCommandBody({
      command: '/help',
      text: '',
      userId: 'U1',
      responseUrl: api.responseUrl('old'),
    });
    const res = await postToSlackApp(events, body, {
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(res.status).toBe(401);
  });

  it('escapes mention syntax from article text and links only the stored article URL', async () => {
    const { responseUrl } = await slash('/hostile', '');
    const body = await responseTo(responseUrl);
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('\u2039!channel&gt; &amp; \u2039@\u200bU123&gt;');
    expect(blocks).not.toMatch(/<!(channel|here)|<@U/);
    expect(blocks).not.toContain('<https://evil.example');
    expect(blocks).toContain('<https://news.example/a?x=1&amp;y=2|Example>');
    expect(String(body.text)).not.toMatch(/<!|<@/);
    expect(body.link_names).toBeUndefined();
  });

  it('puts no mention, bare @here or link from outside text, headline or label on the wire', async () => {
    const { responseUrl } = await slash('/outside', '');
    const body = await responseTo(responseUrl);
    const wire = JSON.stringify({ text: body.text, blocks: body.blocks });
    expect(wire).not.toMatch(/<[@!#]|@(here|channel|everyone)/);
    expect(wire).not.toMatch(/https:\/\/evil|www\.evil/);
    expect(wire).toContain('<https://news.example/a|');
    const header = (body.blocks as { type: string; text?: { text: string } }[]).find(
      (b) => b.type === 'header',
    );
    expect(header?.text?.text).toMatch(/^Talks \[read more\]\(https\u200b:\/\/evil\.example\/t\)/);
    const mrkdwn = wire.match(/"type":"mrkdwn","text":"[^"]*","verbatim":(true|false)/g) ?? [];
    expect(mrkdwn.length).toBeGreaterThanOrEqual(3);
    for (const object of mrkdwn) expect(object).toMatch(/"verbatim":true$/);
  });

  it('refuses an admin-only command from someone not in SLACK_ADMIN_USER_IDS', async () => {
    const { responseUrl } = await slash('/feeds', 'list');
    expect(JSON.stringify(await responseTo(responseUrl))).toContain('Only server admins');
  });

  it('explains a missing sub-command', async () => {
    const { responseUrl } = await slash('/feeds', 'frobnicate', 'UADMIN');
    expect(JSON.stringify(await responseTo(responseUrl))).toContain('/feeds add url:');
  });

  it('parses name:value text into the options and pages on with the More button', async () => {
    const { responseUrl } = await slash('/echo', 'actor:Steve Witkoff days:3');
    const first = await responseTo(responseUrl);
    const blocks = JSON.stringify(first.blocks);
    expect(blocks).toContain('\\"actor\\":\\"Steve Witkoff\\"');
    expect(blocks).toContain('\\"days\\":3');
    const button = (
      first.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.action_id).toBe('newsdesk_more');

    const { status, response } = await pressMore(button?.value);
    expect(status).toBe(200);
    const next = JSON.stringify(response.blocks);
    expect(next).toContain('\\"page\\":1');
    expect(next).toContain('page 3 of 3');
  });
});

/** Presses a More button carrying `value` (ours, or one a client forged); resolves with the response. */
async function pressMore(value: unknown) {
  const responseUrl = api.responseUrl(`more-${Math.random()}`);
  const payload = {
    type: 'block_actions',
    user: { id: 'UUSER', username: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    team: { id: 'T1', domain: 'test' },
    channel: { id: 'C1', name: 'news' },
    container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
    trigger_id: '1.2.3',
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: 'newsdesk_more', block_id: 'b', value, action_ts: '1.3' }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await postToSlackApp(events, body, { secret: SECRET });
  return { status: res.status, response: await responseTo(responseUrl) };
}

describe('Slack More button', () => {
  it.each([
    ['garbled JSON', '{"command":"echo","args":'],
    ['the wrong shape', JSON.stringify({ command: 'echo', args: 'all', page: -1 })],
    ['an unknown command', JSON.stringify({ command: 'drop-tables', args: {}, page: 1 })],
    ['no value at all', undefined],
  ])('answers a value with %s with an ephemeral error, and keeps serving', async (_case, value) => {
    const { status, response } = await pressMore(value);
    expect(status).toBe(200);
    expect(response.response_type).toBe('ephemeral');
    expect(String(response.text)).toMatch(/This button cannot be read any more: run the command again/);
    const { responseUrl } = await slash('/help', '');
    expect(JSON.stringify((await responseTo(responseUrl)).blocks)).toContain('/whois');
  });
});

describe('Slack digest delivery', () => {
  it('posts with the nonce in metadata and unfurling off, and finds the post by that nonce', async () => {
    const target = bot.digestTarget('CDIGEST');
    const digest = sampleDigest(SAMPLE_PLAN.since, SAMPLE_PLAN.until);
    const { messageId } = await target.send(sampleReply(digest), 'nd-test-nonce');
    const post = api.posts.find((p) => p.ts === messageId)!;
    expect(post.channel).toBe('CDIGEST');
    expect(post.metadata).toEqual({
      event_type: 'newsdesk_digest',
      event_payload: { nonce: 'nd-test-nonce', part: 0 },
    });
    expect([post.unfurl_links, post.unfurl_media]).toEqual([false, false]);
    expect(post.link_names).toBeUndefined();
    expect(await target.findPosted('nd-test-nonce')).toBe(messageId);
    expect(await target.findPosted('nd-other')).toBeNull();
  });

  it('does not re-post when chat.postMessage landed but its answer was lost', async () => {
    const channel = 'CLOST';
    api.loseAnswer('chat.postMessage');
    const outcomes = await deliverSlot(store, SAMPLE_PLAN, [bot.digestTarget(channel)], {
      tenantId: 'operator',
      log,
      retry: { attempts: 3, baseMs: 1, maxMs: 5 },
      prepare: prepareSample,
    });
    expect(outcomes[0]?.status).toBe('found-posted');
    expect(api.posts.filter((p) => p.channel === channel)).toHaveLength(1);
  });
});
