import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../../src/adapters/discord/index.ts';
import type { Config } from '../../../src/config.ts';
import { deliverSlot, deliveryNonce } from '../../../src/digest/deliver.ts';
import { slotDigest } from '../../../src/digest/run.ts';
import type { SlotPlan } from '../../../src/digest/slots.ts';
import { runIngest } from '../../../src/ingest/index.ts';
import { createLogger } from '../../../src/log.ts';
import { DiscordStandIn, IDS } from '../../support/discord-server.ts';
import { tempStore, testConfig } from '../../support/discord-store.ts';
import { expectWithinLimits } from './limits-check.ts';

const log = createLogger('silent');
const fast = { attempts: 3, baseMs: 1, maxMs: 5 };
// A period that covers the project's sample corpus.
const plan = (slot: string): SlotPlan => ({
  slot,
  since: '2025-10-01T08:00:00.000Z',
  until: '2026-03-01T08:00:00.000Z',
});

describe('the daily digest through the Discord client', () => {
  const discord = new DiscordStandIn();
  const { store, cleanup } = tempStore();
  let bot: DiscordBot;
  let config: Config;

  beforeAll(async () => {
    await discord.start();
    config = testConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
    });
    await runIngest(store, { corpusDirs: ['corpus'], feeds: false, config });
    bot = await startDiscordBot({ config, store, log });
  });

  afterAll(async () => {
    await bot?.stop();
    await discord.close();
    cleanup();
  });

  const posts = (nonce: string) => discord.messages.filter((m) => m.nonce === nonce);

  it('posts one message per slot, with its nonce, mode, period and sources, and nothing on a rerun', async () => {
    const p = plan('2026-03-01T08:00:00+00:00');
    const target = bot.digestTarget(IDS.channel);
    const first = await deliverSlot(store, p, [target], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: slotDigest(store, config),
    });
    expect(first.map((o) => o.status)).toEqual(['posted']);
    const nonce = deliveryNonce(p.slot, 'discord', IDS.channel, 'operator');
    expect(posts(nonce)).toHaveLength(1);
    const call = discord.calls.find(
      (c) => c.method === 'POST' && (c.body as { nonce?: string }).nonce === nonce,
    );
    const body = call?.body as {
      embeds: { footer?: { text: string } }[];
      enforce_nonce: boolean;
      allowed_mentions: unknown;
    };
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(body);
    expect(body.embeds.at(-1)?.footer?.text).toMatch(
      /Mode: (extractive|LLM) · Period: 2025-10-01 08:00 UTC – 2026-03-01 08:00 UTC · Sources: /,
    );

    const again = await deliverSlot(store, p, [target], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: slotDigest(store, config),
    });
    expect(again.map((o) => o.status)).toEqual(['already-posted']);
    expect(posts(nonce)).toHaveLength(1);
  });

  it('after a crash between posting and recording, finds the earlier post instead of posting again', async () => {
    const p = plan('2026-03-02T08:00:00+00:00');
    const target = bot.digestTarget(IDS.channel);
    const nonce = deliveryNonce(p.slot, 'discord', IDS.channel, 'operator');
    // What the crashed process did: claim, count the attempt, post, then die before recording.
    const { digest, reply } = await slotDigest(store, config)(p);
    const slot = store.deliveries.saveSlot('operator', { ...p, digest, message: reply });
    const claim = store.deliveries.claim('operator', {
      slot: p.slot,
      platform: 'discord',
      destination: IDS.channel,
      nonce,
      message: slot.message,
    });
    store.deliveries.startAttempt('operator', claim.id);
    await target.send(reply, nonce);

    const outcome = await deliverSlot(store, p, [target], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: slotDigest(store, config),
    });
    expect(outcome.map((o) => o.status)).toEqual(['found-posted']);
    expect(posts(nonce)).toHaveLength(1);
    expect(store.deliveries.get('operator', p.slot, 'discord', IDS.channel)?.status).toBe('posted');
  });
});
