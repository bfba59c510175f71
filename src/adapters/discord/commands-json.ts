import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, OptionDefinition } from '../../core/command.ts';

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<CommandJson['options']>[number];

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  channel: ApplicationCommandOptionType.Channel,
} as const;

function optionJson(option: OptionDefinition): OptionJson {
  return {
    type: TYPES[option.type],
    name: option.name,
    description: option.description,
    required: option.required ?? false,
    ...(option.choices ? { choices: option.choices } : {}),
    ...(option.autocomplete ? { autocomplete: true } : {}),
    ...(option.min !== undefined ? { min_value: option.min } : {}),
    ...(option.max !== undefined ? { max_value: option.max } : {}),
  } as OptionJson;
}

// Discord rejects a command whose optional options come before required ones.
const ordered = (options: OptionDefinition[]) =>
  [...options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false)).map(optionJson);

/**
 * The registration body of one command, generated from its definition. Admin-only commands need
 * Manage Server by default (server admins can widen that) and exist only in servers.
 */
export function commandJson(def: CommandDefinition): CommandJson {
  const options = def.subcommands?.length
    ? def.subcommands.map(
        (sub) =>
          ({
            type: ApplicationCommandOptionType.Subcommand,
            name: sub.name,
            description: sub.description,
            options: ordered(sub.options),
          }) as OptionJson,
      )
    : ordered(def.options);
  return {
    type: ApplicationCommandType.ChatInput,
    name: def.name,
    description: def.description,
    options,
    default_member_permissions: def.adminOnly ? String(PermissionFlagsBits.ManageGuild) : null,
    contexts: def.adminOnly
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}
