import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type DiscordBot,
  type InteractionsServer,
  startDiscordBot,
  startInteractionsServer,
} from '../../../src/adapters/discord/index.ts';
import { TIMELINE_PAGE_SIZE } from '../../../src/core/timeline-reply.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { createLogger } from '../../../src/log.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { buttonClick, slashCommand } from '../../support/discord-interactions.ts';
import { DiscordStandIn, IDS, type RestCall } from '../../support/discord-server.ts';
import { testConfig } from '../../support/discord-store.ts';
import { describeOnEngines } from '../../support/store-engines.ts';
import { applicationKeys, interactionsEnv, postRaw, signatureHeaders } from './signed-post.ts';

const log = createLogger('silent');
const NOW = new Date('2026-02-01T12:00:00Z');
const NOW_SECONDS = String(NOW.getTime() / 1000);
const EPHEMERAL = 64;
// More dated meetings than one page of /timeline holds, in our own words.
const ROUNDS = TIMELINE_PAGE_SIZE + 3;
const article = (n: number) => `Harbour talks round ${n} in Valletta
By Test Desk
Jan ${n + 1}, 2026

Foreign Minister Marisol Quenby met trade envoy Odo Varnek in Valletta on ${n} January 2026 for round ${n} of the port negotiations. Quenby said the harbour talks would resume within a week.
`;

interface Message {
  embeds?: { footer?: { text: string }; description?: string }[];
  components?: { components: { custom_id: string; label: string; disabled: boolean }[] }[];
  flags?: number;
}

const footer = (m: Message) => m.embeds?.at(-1)?.footer?.text ?? '';
const button = (m: Message, label: string) =>
  m.components?.[0]?.components.find((b) => b.label.startsWith(label))?.custom_id ?? '';

/**
 * Front ends behind a load balancer: each is its own process with its own connection to the one
 * store, and a page button's click may reach any of them.
 */
describeOnEngines('Discord page buttons across front ends on one store', (engine) => {
  const discord = new DiscordStandIn();
  const keys = applicationKeys();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-page-buttons-'));
  const stores: Store[] = [];
  const endpoints: InteractionsServer[] = [];
  let gateway: DiscordBot;

  beforeAll(async () => {
    await discord.start();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let n = 1; n <= ROUNDS; n++) writeFileSync(join(corpus, `round-${n}.txt`), article(n));
    const config = testConfig(interactionsEnv(discord, IDS.application, keys.publicKeyHex));
    const target = engine.target(dir);
    stores.push(openStore(target), openStore(target));
    await runIngest(stores[0]!, { corpusDirs: [corpus], feeds: false, config });
    for (const store of stores)
      endpoints.push(
        await startInteractionsServer({ config, store, log, now: () => NOW, host: '127.0.0.1' }),
      );
    gateway = await startDiscordBot({ config, store: stores[1]!, log, now: () => NOW });
  }, 120_000);

  afterAll(async () => {
    for (const endpoint of endpoints) await endpoint.stop();
    await gateway?.stop();
    await discord.close();
    for (const store of stores) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Posts an interaction, signed as Discord signs it, to front end `n`. */
  const post = async (n: number, payload: unknown) => {
    const body = JSON.stringify(payload);
    const url = `http://127.0.0.1:${endpoints[n]!.port}/interactions`;
    return (
      await postRaw(url, body, signatureHeaders(body, { key: keys.privateKey, timestamp: NOW_SECONDS }))
    ).body as { type: number; data: Message };
  };

  const click = (customId: string, shown: Message, guild = IDS.guild) => ({
    ...buttonClick(customId, {
      id: discord.id(),
      channel_id: IDS.channel,
      author: discord.botUser(),
      ...shown,
    }),
    guild_id: guild,
  });

  it('a /timeline answered by one front end pages on another, and back', async () => {
    const first = (await post(0, slashCommand('timeline'))).data;
    expect(footer(first)).toMatch(/page 1 of 2/);

    const second = await post(1, click(button(first, 'Next'), first));
    expect(second.type).toBe(7);
    expect(footer(second.data)).toMatch(/page 2 of 2/);
    expect(second.data.embeds?.[0]?.description).not.toBe(first.embeds?.[0]?.description);

    const back = await post(0, click(button(second.data, '◀'), second.data));
    expect(back.type).toBe(7);
    expect(footer(back.data)).toMatch(/page 1 of 2/);
    expect(back.data.embeds?.[0]?.description).toBe(first.embeds?.[0]?.description);
  });

  it('a button of an answer given over HTTP pages over the gateway of another process', async () => {
    const first = (await post(0, slashCommand('timeline'))).data;
    const interaction = click(button(first, 'Next'), first);
    discord.dispatch('INTERACTION_CREATE', interaction);
    const edit = await discord.waitFor(
      (c: RestCall) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    );
    expect(footer(edit.body as Message)).toMatch(/page 2 of 2/);
  });

  it("another server's click on the same button recalls nothing: the buttons have expired", async () => {
    const first = (await post(0, slashCommand('timeline'))).data;
    const next = button(first, 'Next');
    const elsewhere = await post(1, click(next, first, IDS.guildB));
    expect(elsewhere).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(JSON.stringify(elsewhere.data)).toContain('These buttons have expired');
    // The button still works where it was given.
    expect(footer((await post(1, click(next, first))).data)).toMatch(/page 2 of 2/);
  });
});
