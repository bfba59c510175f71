import type { ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import type { RunArgs } from '../../core/command.ts';

/** Option values from a slash command, sub-command options flattened, as runCommand expects them. */
export function argsFromInteraction(interaction: ChatInputCommandInteraction): RunArgs {
  const args: RunArgs = {};
  const collect = (options: readonly CommandInteractionOption[]) => {
    for (const option of options) {
      if (option.options) collect(option.options);
      const value = option.value;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        args[option.name] = value;
      }
    }
  };
  collect(interaction.options.data);
  const subcommand = interaction.options.getSubcommand(false);
  if (subcommand) args.subcommand = subcommand;
  return args;
}
