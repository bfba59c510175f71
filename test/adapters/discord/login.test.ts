import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot, UNAUTHORIZED_MESSAGE } from '../../../src/adapters/discord/index.ts';
import { createLogger } from '../../../src/log.ts';
import { DiscordStandIn, IDS } from '../../support/discord-server.ts';
import { tempStore, testConfig } from '../../support/discord-store.ts';

describe('Discord login with a rejected token', () => {
  const discord = new DiscordStandIn('the-real-token');
  const { store, cleanup } = tempStore();
  beforeAll(() => discord.start());
  afterAll(async () => {
    await discord.close();
    cleanup();
  });

  it('stops with one clear message instead of retrying', async () => {
    const config = testConfig({
      DISCORD_TOKEN: 'a-revoked-token',
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
    });
    await expect(startDiscordBot({ config, store, log: createLogger('silent') })).rejects.toThrow(
      UNAUTHORIZED_MESSAGE,
    );
    expect(discord.calls.filter((c) => c.path === '/gateway/bot')).toHaveLength(1);
    expect(discord.calls.every((c) => c.auth !== 'Bot the-real-token')).toBe(true);
    expect(discord.connections).toBe(0);
    expect(UNAUTHORIZED_MESSAGE).not.toContain('a-revoked-token');
  });
});
