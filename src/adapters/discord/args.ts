import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { RunArgs } from '../../core/command.ts';

/** An option as both discord.js and Discord's raw interaction payload carry it. */
export interface OptionData {
  name: string;
  type: number;
  value?: unknown;
  options?: readonly OptionData[];
  /** Autocomplete: the option being typed. */
  focused?: boolean;
}

/**
 * Option values, sub-command options flattened, and the sub-command's name, as runCommand expects
 * them: one reading for the gateway's parsed options and for a payload received over HTTP.
 */
export function argsFromOptions(options: readonly OptionData[]): RunArgs {
  const args: RunArgs = {};
  const collect = (list: readonly OptionData[]) => {
    for (const option of list) {
      if (option.type === ApplicationCommandOptionType.Subcommand) args.subcommand = option.name;
      if (option.options) collect(option.options);
      const value = option.value;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        args[option.name] = value;
      }
    }
  };
  collect(options);
  return args;
}

/** The option being typed in an autocomplete request, wherever it sits among sub-commands. */
export function focusedOption(options: readonly OptionData[]): OptionData | null {
  for (const option of options) {
    if (option.focused) return option;
    const inner = option.options && focusedOption(option.options);
    if (inner) return inner;
  }
  return null;
}

export function argsFromInteraction(interaction: ChatInputCommandInteraction): RunArgs {
  return argsFromOptions(interaction.options.data as readonly CommandInteractionOption[]);
}
