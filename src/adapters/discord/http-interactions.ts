import { InteractionResponseType, InteractionType, MessageFlags, REST, Routes } from 'discord.js';
import { findCommand } from '../../../commands/index.ts';
import { type Reply, shortReply } from '../../core/reply.ts';
import { GENERIC_FAILURE, runAutocomplete, runCommand } from '../../core/run-command.ts';
import { argsFromOptions, focusedOption, type OptionData } from './args.ts';
import { commandContext, discordChoices, type InteractionDeps, renderWithPages } from './command-context.ts';
import { parsePageButton, recallPageQuery } from './pagination.ts';
import { type DiscordMessage, NO_MENTIONS, renderReply } from './render.ts';

/** The fields of Discord's interaction payload that newsdesk reads; the rest is ignored. */
export interface InteractionPayload {
  id: string;
  application_id: string;
  type: number;
  token: string;
  guild_id?: string;
  member?: { user?: { id: string }; permissions?: string };
  user?: { id: string };
  data?: { name?: string; options?: OptionData[]; custom_id?: string };
}

/** What goes back in the HTTP response, and the work that continues after it (webhook calls). */
export interface HttpAnswer {
  body: { type: number; data?: unknown };
  after?: () => Promise<void>;
}

/** A rendered message as Discord's REST API takes it (snake case, no mentions, maybe private). */
const wire = (message: DiscordMessage, ephemeral: boolean) => ({
  embeds: message.embeds,
  components: message.components,
  allowed_mentions: NO_MENTIONS,
  ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
});

const privately = (text: string): HttpAnswer => ({
  body: {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: wire(renderReply(shortReply(text))[0]!, true),
  },
});

/** The interaction token's webhook: no bot token needed, the interaction token is the credential. */
export class InteractionWebhook {
  constructor(private readonly rest: REST) {}

  static forApi(api: string | undefined): InteractionWebhook {
    return new InteractionWebhook(new REST(api ? { api } : {}));
  }

  editOriginal(p: InteractionPayload, message: DiscordMessage, ephemeral: boolean) {
    const route = Routes.webhookMessage(p.application_id, p.token, '@original');
    return this.rest.patch(route, { body: wire(message, ephemeral), auth: false });
  }

  deleteOriginal(p: InteractionPayload) {
    return this.rest.delete(Routes.webhookMessage(p.application_id, p.token, '@original'), { auth: false });
  }

  followUp(p: InteractionPayload, message: DiscordMessage, ephemeral: boolean) {
    const route = Routes.webhook(p.application_id, p.token);
    return this.rest.post(route, { body: wire(message, ephemeral), auth: false });
  }
}

export interface HttpDeps extends InteractionDeps {
  webhook: InteractionWebhook;
}

const contextOf = (p: InteractionPayload, deps: HttpDeps) =>
  commandContext(
    {
      guildId: p.guild_id ?? null,
      userId: p.member?.user?.id ?? p.user?.id ?? '',
      permissions: p.member?.permissions ? BigInt(p.member.permissions) : null,
    },
    deps,
  );

/** Sends the parts of a reply that did not go in the HTTP response (mirrors the gateway's answer). */
async function deliver(p: InteractionPayload, parts: DiscordMessage[], ephemeral: boolean, deps: HttpDeps) {
  for (const part of parts) await deps.webhook.followUp(p, part, ephemeral);
}

async function deferredAnswer(
  p: InteractionPayload,
  reply: Reply,
  deferredEphemeral: boolean,
  deps: HttpDeps,
) {
  const [first, ...rest] = renderWithPages(reply, deps, { guildId: p.guild_id ?? null });
  if (!first) return;
  if (reply.ephemeral && !deferredEphemeral) {
    // A public placeholder cannot become private: drop it and answer privately instead.
    await deps.webhook.deleteOriginal(p);
    await deliver(p, [first, ...rest], true, deps);
    return;
  }
  await deps.webhook.editOriginal(p, first, deferredEphemeral);
  await deliver(p, rest, deferredEphemeral, deps);
}

async function onCommand(p: InteractionPayload, deps: HttpDeps): Promise<HttpAnswer> {
  const def = findCommand(p.data?.name ?? '');
  if (!def) return privately('Unknown command.');
  const args = argsFromOptions(p.data?.options ?? []);
  const ephemeral = !(def.isPublic?.(args) ?? false);
  const run = () => runCommand(def, contextOf(p, deps), args);
  const slow = def.slow || def.subcommands?.find((s) => s.name === args.subcommand)?.slow;
  if (slow) {
    // Acknowledge within Discord's 3 seconds; the answer replaces the placeholder when it is ready.
    return {
      body: {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
      },
      after: async () => deferredAnswer(p, await run(), ephemeral, deps),
    };
  }
  const reply = await run();
  const [first, ...rest] = renderWithPages(reply, deps, { guildId: p.guild_id ?? null });
  const hidden = ephemeral || reply.ephemeral;
  return {
    body: { type: InteractionResponseType.ChannelMessageWithSource, data: wire(first!, hidden) },
    ...(rest.length ? { after: () => deliver(p, rest, hidden, deps) } : {}),
  };
}

async function onPageButton(p: InteractionPayload, deps: HttpDeps): Promise<HttpAnswer> {
  const target = parsePageButton(p.data?.custom_id ?? '');
  const query = target && recallPageQuery(deps.store, p.guild_id ?? null, target.key);
  const def = query && findCommand(query.command);
  if (!target || !query || !def) return privately('These buttons have expired; run the command again.');
  const run = async () => {
    const reply = await runCommand(def, contextOf(p, deps), { ...query.args, page: target.page });
    return renderWithPages(reply, deps, { guildId: p.guild_id ?? null, key: target.key })[0];
  };
  if (def.slow) {
    return {
      body: { type: InteractionResponseType.DeferredMessageUpdate },
      after: async () => {
        const page = await run();
        // The message keeps its visibility: edits carry no flags.
        if (page) await deps.webhook.editOriginal(p, page, false);
      },
    };
  }
  const page = await run();
  return { body: { type: InteractionResponseType.UpdateMessage, data: page && wire(page, false) } };
}

async function onAutocomplete(p: InteractionPayload, deps: HttpDeps): Promise<HttpAnswer> {
  const def = findCommand(p.data?.name ?? '');
  const focused = focusedOption(p.data?.options ?? []);
  const choices =
    def && focused
      ? await runAutocomplete(def, contextOf(p, deps), focused.name, String(focused.value ?? ''))
      : [];
  return {
    body: {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: discordChoices(choices) },
    },
  };
}

/**
 * The answer to one verified interaction: PING, a slash command, a page button or autocomplete,
 * through the same runCommand and renderer as the gateway; null for a type newsdesk does not handle.
 * A failure is answered, never thrown.
 */
export async function answerInteraction(p: InteractionPayload, deps: HttpDeps): Promise<HttpAnswer | null> {
  if (p.type === InteractionType.Ping) return { body: { type: InteractionResponseType.Pong } };
  try {
    if (p.type === InteractionType.ApplicationCommand) return await onCommand(p, deps);
    if (p.type === InteractionType.ApplicationCommandAutocomplete) return await onAutocomplete(p, deps);
    if (p.type === InteractionType.MessageComponent) return await onPageButton(p, deps);
  } catch (err) {
    deps.log.error({ err, interaction: p.id, type: p.type }, 'discord interaction failed');
    return privately(GENERIC_FAILURE);
  }
  return null;
}

/** Runs the work after the response; a failure is logged and, where possible, told to the user. */
export async function finish(p: InteractionPayload, answer: HttpAnswer, deps: HttpDeps): Promise<void> {
  if (!answer.after) return;
  try {
    await answer.after();
  } catch (err) {
    deps.log.error({ err, interaction: p.id, type: p.type }, 'discord interaction failed');
    try {
      await deps.webhook.followUp(p, renderReply(shortReply(GENERIC_FAILURE))[0]!, true);
    } catch (again) {
      deps.log.error({ err: again, interaction: p.id }, 'could not report the failure to discord');
    }
  }
}
