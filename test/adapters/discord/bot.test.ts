import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../../src/adapters/discord/index.ts';
import { listFeeds } from '../../../src/ingest/feeds/index.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { timeline } from '../../../src/knowledge/index.ts';
import { createLogger } from '../../../src/log.ts';
import { autocomplete, buttonClick, OPTION, slashCommand } from '../../support/discord-interactions.ts';
import { DiscordStandIn, IDS, type RestCall } from '../../support/discord-server.ts';
import { tempStore, testConfig } from '../../support/discord-store.ts';
import { expectWithinLimits } from './limits-check.ts';

interface Body {
  type?: number;
  data?: { flags?: number; choices?: { name: string; value: string }[] };
  embeds?: { title?: string; description?: string; footer?: { text: string } }[];
  components?: { components: { custom_id: string; label: string; disabled: boolean }[] }[];
  allowed_mentions?: unknown;
  flags?: number;
}

const EPHEMERAL = 64;
const log = createLogger('silent');
const body = (call: RestCall) => call.body as Body;
// The project's corpus alone yields one page of events; the shared sample makes /timeline paginate.
const SHARED = '../shared/corpus';
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`${SHARED} not found: skipping the /timeline pagination test`);

describe('Discord bot against the stand-in', () => {
  const discord = new DiscordStandIn();
  const { store, cleanup } = tempStore();
  let bot: DiscordBot;
  let actor: string;

  beforeAll(async () => {
    await discord.start();
    const config = testConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
    });
    const corpusDirs = hasShared ? ['corpus', SHARED] : ['corpus'];
    await runIngest(store, { corpusDirs, feeds: false, config });
    actor = timeline(store, { limit: 50 }).events.flatMap((e) => e.actors)[0] ?? '';
    bot = await startDiscordBot({ config, store, log });
  });

  afterAll(async () => {
    await bot?.stop();
    await discord.close();
    cleanup();
  });

  /** Sends an interaction and returns its acknowledgement and the edit of @original that follows. */
  async function ask(interaction: { id: string; token: string }) {
    discord.dispatch('INTERACTION_CREATE', interaction);
    const ack = await discord.waitFor(
      (c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
    const edit = await discord.waitFor(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    );
    return { ack, edit, order: [discord.calls.indexOf(ack), discord.calls.indexOf(edit)] };
  }

  it('logs in through DISCORD_API_URL with the Guilds intent only', () => {
    expect(discord.calls.some((c) => c.path === '/gateway/bot' && c.auth === `Bot ${discord.token}`)).toBe(
      true,
    );
    expect(bot.client.options.intents.toArray()).toEqual(['Guilds']);
    expect(bot.client.isReady()).toBe(true);
  });

  it('answers /whois by deferring, then editing in an actor card within the embed limits', async () => {
    expect(actor).not.toBe('');
    const { ack, edit, order } = await ask(
      slashCommand('whois', [{ name: 'actor', type: OPTION.string, value: actor }]),
    );
    expect(body(ack)).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(order[0]).toBeLessThan(order[1]!);
    expectWithinLimits(body(edit));
    expect(body(edit).embeds?.[0]?.title).toBe(actor);
    expect(body(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it('offers at most 25 actor names while /whois actor is typed', async () => {
    const typed = actor.slice(0, 2);
    const interaction = autocomplete('whois', 'actor', typed);
    discord.dispatch('INTERACTION_CREATE', interaction);
    const ack = await discord.waitFor(
      (c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
    expect(body(ack).type).toBe(8);
    const choices = body(ack).data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain(actor);
  });

  it.skipIf(!hasShared)('pages through /timeline with buttons that edit the same message', async () => {
    const first = await ask(slashCommand('timeline'));
    expectWithinLimits(body(first.edit));
    const row = body(first.edit).components?.[0]?.components ?? [];
    const next = row.find((b) => b.label.startsWith('Next'));
    expect(next?.disabled).toBe(false);
    expect(next!.custom_id.length).toBeLessThanOrEqual(100);
    expect(body(first.edit).embeds?.at(-1)?.footer?.text).toMatch(/page 1 of \d+/);

    const click = buttonClick(next!.custom_id, {
      id: discord.id(),
      channel_id: IDS.channel,
      author: discord.botUser(),
      embeds: body(first.edit).embeds,
      components: body(first.edit).components,
    });
    const second = await ask(click);
    expect(body(second.ack).type).toBe(6);
    expectWithinLimits(body(second.edit));
    expect(body(second.edit).embeds?.at(-1)?.footer?.text).toMatch(/page 2 of \d+/);
    expect(body(second.edit).allowed_mentions).toEqual({ parse: [] });
    expect(body(second.edit).embeds?.[0]?.description).not.toBe(body(first.edit).embeds?.[0]?.description);
  });

  it('refuses /feeds add to a member without Manage Server', async () => {
    const { ack, edit } = await ask(
      slashCommand('feeds', [
        {
          name: 'add',
          type: OPTION.subcommand,
          options: [{ name: 'url', type: OPTION.string, value: 'https://example.org/feed' }],
        },
      ]),
    );
    expect(body(ack)).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(body(edit).embeds?.[0]?.description).toMatch(/Only server admins/);
    expect(store.feeds).toBeDefined();
  });

  it("refuses a private feed URL to an admin with the guard's reason and subscribes nothing", async () => {
    const { edit } = await ask(
      slashCommand(
        'feeds',
        [
          {
            name: 'add',
            type: OPTION.subcommand,
            options: [{ name: 'url', type: OPTION.string, value: 'http://127.0.0.1:9/feed.xml' }],
          },
        ],
        'admin',
      ),
    );
    const text = body(edit).embeds?.[0]?.description ?? '';
    expect(text).toMatch(/cannot follow/);
    expect(text).not.toMatch(/Something went wrong/);
    expect(listFeeds(store, testConfig(), 'operator')).toEqual([]);
  });

  it('answers an unknown actor with a short ephemeral reply instead of silence', async () => {
    const { edit } = await ask(
      slashCommand('whois', [{ name: 'actor', type: OPTION.string, value: 'Zzyzx Qwertyuiop' }]),
    );
    expect(body(edit).embeds?.[0]?.title).toMatch(/No actor matches/);
  });

  it('posts the digest to a channel with a nonce and finds it again by that nonce', async () => {
    const target = bot.digestTarget(IDS.channel);
    const message = {
      title: 'Digest',
      text: 'x',
      blocks: [{ type: 'paragraph' as const, text: 'Delegations met again.' }],
      ephemeral: false,
    };
    const { messageId } = await target.send(message, 'nd-test-nonce-1');
    const post = await discord.waitFor(
      (c) => c.method === 'POST' && c.path === `/channels/${IDS.channel}/messages`,
    );
    expect(post.body).toMatchObject({
      nonce: 'nd-test-nonce-1',
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(await target.findPosted('nd-test-nonce-1')).toBe(messageId);
    expect(await target.findPosted('nd-other-nonce')).toBeNull();
  });

  it('puts no mention syntax, masked link or written-out address from outside on the wire', async () => {
    const hostile = {
      title: 'Talks [read more](https://evil.example/t) @everyone',
      text: 'x',
      blocks: [
        {
          type: 'list' as const,
          items: [
            {
              text: 'Envoys met; see https://evil.example/a or www.evil.example',
              sources: [
                {
                  articleId: 1,
                  title: 'Talks',
                  url: 'https://news.example/a',
                  source: '<@123456789> @everyone',
                },
                { articleId: 2, title: '<@&42> @here', source: null },
              ],
            },
          ],
        },
        { type: 'footnote' as const, text: 'Feed: <@123456789> @here https://evil.example/f' },
      ],
      ephemeral: false,
    };
    await bot.digestTarget(IDS.channel).send(hostile, 'nd-hostile');
    const post = await discord.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${IDS.channel}/messages` &&
        body(c).embeds?.[0]?.title?.includes('Talks') === true,
    );
    const wire = JSON.stringify(body(post).embeds);
    expect(wire).not.toMatch(/<@[&!]?\d|@everyone|@here/);
    expect(wire).not.toMatch(/https:\/\/evil|www\.evil/);
    expect(wire).not.toMatch(/(?<!\\)\[read more\]\(/);
    expect(wire).toContain('(<https://news.example/a>)');
  });

  it('sends allowed_mentions with no parse on every message and every edit', () => {
    const sent = discord.calls.filter(
      (c) =>
        (c.path.startsWith('/webhooks/') && c.method !== 'DELETE') ||
        (c.path.startsWith('/channels/') && c.method === 'POST'),
    );
    expect(sent.length).toBeGreaterThan(3);
    for (const call of sent) expect(body(call).allowed_mentions).toEqual({ parse: [] });
  });
});
