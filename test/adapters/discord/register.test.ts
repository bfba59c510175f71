import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { registerCommands } from '../../../src/adapters/discord/index.ts';
import { DiscordStandIn, IDS } from '../../support/discord-server.ts';
import { testConfig } from '../../support/discord-store.ts';

interface OptionJson {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  min_value?: number;
  options?: OptionJson[];
}
interface CommandJson {
  name: string;
  type: number;
  description: string;
  options: OptionJson[];
  default_member_permissions: string | null;
}

const MANAGE_GUILD = String(1 << 5);

describe('newsdesk register', () => {
  const discord = new DiscordStandIn();
  beforeAll(() => discord.start());
  afterAll(() => discord.close());
  const config = (guild?: string) =>
    testConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
      ...(guild ? { DISCORD_GUILD_ID: guild } : {}),
    });

  it('PUTs every command definition to the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await registerCommands(config(IDS.guild), commands);
    expect(result).toMatchObject({ scope: 'guild', guildId: IDS.guild });
    const put = discord.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/applications/${IDS.application}/guilds/${IDS.guild}/commands`);
    expect(put?.auth).toBe(`Bot ${discord.token}`);
    const body = put?.body as CommandJson[];
    expect(body.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    const byName = Object.fromEntries(body.map((c) => [c.name, c]));
    expect(byName.whois?.options[0]).toMatchObject({
      type: 3,
      name: 'actor',
      required: true,
      autocomplete: true,
    });
    expect(byName.summary?.options.find((o) => o.name === 'days')).toMatchObject({ type: 4, min_value: 1 });
    expect(byName.digest?.options.map((o) => [o.type, o.name])).toEqual([
      [1, 'now'],
      [1, 'schedule'],
      [1, 'unschedule'],
      [1, 'list'],
    ]);
    expect(byName.digest?.options[0]?.options?.[0]).toMatchObject({ type: 5, name: 'post' });
    expect(byName.digest?.options[1]?.options?.map((o) => [o.type, o.name, o.required])).toEqual([
      [7, 'channel', true],
      [3, 'time', true],
      [3, 'timezone', false],
      [3, 'topic', false],
      [3, 'days', false],
      [3, 'include', false],
      [3, 'exclude', false],
    ]);
    expect(byName.feeds?.options.map((o) => [o.type, o.name])).toEqual([
      [1, 'add'],
      [1, 'remove'],
      [1, 'list'],
    ]);
    expect(byName.feeds?.options[0]?.options?.[0]).toMatchObject({ type: 3, name: 'url', required: true });
  });

  it('asks for Manage Server on admin-only commands and nothing on the others', () => {
    const body = discord.calls.find((c) => c.method === 'PUT')?.body as CommandJson[];
    for (const command of body) {
      const admin = commands.find((c) => c.name === command.name)?.adminOnly;
      expect(command.default_member_permissions).toBe(admin ? MANAGE_GUILD : null);
    }
    expect(body.find((c) => c.name === 'feeds')?.default_member_permissions).toBe(MANAGE_GUILD);
  });

  it('registers globally without a guild id', async () => {
    const result = await registerCommands(config(), commands);
    expect(result.scope).toBe('global');
    expect(discord.calls.filter((c) => c.method === 'PUT').at(-1)?.path).toBe(
      `/applications/${IDS.application}/commands`,
    );
  });

  it('says which variables are missing without calling Discord', async () => {
    const before = discord.calls.length;
    await expect(registerCommands(testConfig(), commands)).rejects.toThrow(
      /DISCORD_TOKEN and DISCORD_APPLICATION_ID/,
    );
    expect(discord.calls.length).toBe(before);
  });
});
