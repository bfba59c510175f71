import { IDS, MESSAGE_DEFAULTS, PERMISSIONS } from './discord-server.ts';

export type Who = 'admin' | 'member';

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

export const OPTION = { subcommand: 1, string: 3, integer: 4, boolean: 5 } as const;

let counter = 300000000000000000n;
const nextId = () => String(++counter);

/** Where an interaction comes from: a server and one of its channels (default: the stand-in's first). */
export interface Where {
  guild: string;
  channel: string;
}

const HOME: Where = { guild: IDS.guild, channel: IDS.channel };

/** The fields every interaction needs; without entitlements and the owners map discord.js drops it. */
function base(type: number, who: Who, where: Where = HOME) {
  const id = nextId();
  const userId = who === 'admin' ? IDS.admin : IDS.member;
  return {
    id,
    token: `itoken-${id}`,
    application_id: IDS.application,
    type,
    version: 1,
    guild_id: where.guild,
    channel_id: where.channel,
    channel: { id: where.channel, type: 0, guild_id: where.guild, name: 'news' },
    member: {
      user: { id: userId, username: who, discriminator: '0', global_name: who, avatar: null },
      roles: [],
      permissions: PERMISSIONS[who],
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: PERMISSIONS.member,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': where.guild },
    context: 0,
  };
}

/** A slash command (type 2) as the gateway delivers it. */
export function slashCommand(name: string, options: CommandOption[] = [], who: Who = 'member', where = HOME) {
  return { ...base(2, who, where), data: { id: nextId(), name, type: 1, options, guild_id: where.guild } };
}

/** An autocomplete request (type 4) while `focused` is being typed. */
export function autocomplete(
  name: string,
  focused: string,
  typed: string,
  who: Who = 'member',
  where = HOME,
) {
  return {
    ...base(4, who, where),
    data: {
      id: nextId(),
      name,
      type: 1,
      options: [{ name: focused, type: OPTION.string, value: typed, focused: true }],
    },
  };
}

/** A button click (type 3) on a message the bot sent. */
export function buttonClick(customId: string, message: Record<string, unknown>, who: Who = 'member') {
  return {
    ...base(3, who),
    message: { ...MESSAGE_DEFAULTS, timestamp: new Date().toISOString(), flags: 64, ...message },
    data: { custom_id: customId, component_type: 2 },
  };
}
