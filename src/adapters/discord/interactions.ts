import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { findCommand } from '../../../commands/index.ts';
import type { CommandContext } from '../../core/command.ts';
import { type Reply, shortReply } from '../../core/reply.ts';
import { GENERIC_FAILURE, runAutocomplete, runCommand } from '../../core/run-command.ts';
import { argsFromInteraction } from './args.ts';
import {
  type Asker,
  commandContext,
  discordChoices,
  type InteractionDeps,
  renderWithPages,
} from './command-context.ts';
import { parsePageButton, recallPageQuery } from './pagination.ts';
import { renderReply } from './render.ts';

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

const asker = (interaction: Interaction): Asker => ({
  guildId: interaction.guildId,
  userId: interaction.user.id,
  permissions: interaction.memberPermissions?.bitfield ?? null,
});

function contextOf(interaction: Interaction, deps: InteractionDeps): CommandContext {
  return commandContext(asker(interaction), deps);
}

const flags = (ephemeral: boolean) => (ephemeral ? MessageFlags.Ephemeral : undefined);

/** Replaces the deferred answer with the reply; extra parts follow up with the same visibility. */
async function answer(
  interaction: Answerable,
  reply: Reply,
  deferredEphemeral: boolean,
  deps: InteractionDeps,
) {
  const [first, ...rest] = renderWithPages(reply, deps, { guildId: interaction.guildId });
  if (!first) return;
  if (reply.ephemeral && !deferredEphemeral) {
    // A public placeholder cannot become private: drop it and answer privately instead.
    await interaction.deleteReply();
    for (const part of [first, ...rest])
      await interaction.followUp({ ...part, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply(first);
  for (const part of rest) await interaction.followUp({ ...part, flags: flags(deferredEphemeral) });
}

async function onChatInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const def = findCommand(interaction.commandName);
  if (!def) {
    await interaction.reply({
      ...renderReply(shortReply('Unknown command.'))[0]!,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const args = argsFromInteraction(interaction);
  const ephemeral = !(def.isPublic?.(args) ?? false);
  // Acknowledge first: every command may outlast Discord's 3-second window on a loaded host.
  await interaction.deferReply({ flags: flags(ephemeral) });
  const reply = await runCommand(def, contextOf(interaction, deps), args);
  await answer(interaction, reply, ephemeral, deps);
}

async function onPageButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const target = parsePageButton(interaction.customId);
  const query = target && recallPageQuery(deps.store, interaction.guildId, target.key);
  const def = query && findCommand(query.command);
  if (!target || !query || !def) {
    const expired = shortReply('These buttons have expired; run the command again.');
    await interaction.reply({ ...renderReply(expired)[0]!, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const reply = await runCommand(def, contextOf(interaction, deps), { ...query.args, page: target.page });
  const [first] = renderWithPages(reply, deps, { guildId: interaction.guildId, key: target.key });
  if (first) await interaction.editReply(first);
}

async function onAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const def = findCommand(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const choices = def
    ? await runAutocomplete(def, contextOf(interaction, deps), focused.name, focused.value)
    : [];
  await interaction.respond(discordChoices(choices));
}

/** Tells the user something went wrong however far the interaction got; never throws. */
async function reportFailure(interaction: Interaction, deps: InteractionDeps, err: unknown): Promise<void> {
  deps.log.error({ err, interaction: interaction.id, type: interaction.type }, 'discord interaction failed');
  if (!interaction.isRepliable()) return;
  const message = { ...renderReply(shortReply(GENERIC_FAILURE))[0]!, flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (again) {
    deps.log.error({ err: again, interaction: interaction.id }, 'could not report the failure to discord');
  }
}

export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onChatInput(interaction, deps);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
    else if (interaction.isButton()) await onPageButton(interaction, deps);
  } catch (err) {
    await reportFailure(interaction, deps, err);
  }
}
