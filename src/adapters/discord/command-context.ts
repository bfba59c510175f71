import { PermissionFlagsBits } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Choice, CommandContext } from '../../core/command.ts';
import type { Reply } from '../../core/reply.ts';
import { discordTenant } from '../../core/tenant.ts';
import { truncate } from '../../core/text.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { CHOICE_MAX } from './limits.ts';
import { pageButtons } from './pagination.ts';
import { type DiscordMessage, renderReply } from './render.ts';

/** What answering an interaction needs, over the gateway or over HTTP. */
export interface InteractionDeps {
  config: Config;
  store: Store;
  log: Logger;
  now?: () => Date;
}

/** Who asked, where: the same few facts from a discord.js Interaction or a raw payload. */
export interface Asker {
  guildId: string | null;
  userId: string;
  /** The member's permissions in the channel (a DM has none). */
  permissions: bigint | null;
}

export function commandContext(asker: Asker, deps: InteractionDeps): CommandContext {
  return {
    store: deps.store,
    config: deps.config,
    platform: 'discord',
    // Each server is a tenant; a DM has none, and runCommand refuses it for tenant-scoped commands.
    tenant: asker.guildId ? discordTenant(asker.guildId) : null,
    // Manage Server is what registration asks for (default_member_permissions); checked again here
    // because server admins can override who sees a command.
    user: {
      id: asker.userId,
      isAdmin:
        asker.permissions !== null &&
        (asker.permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild,
    },
    now: deps.now ?? (() => new Date()),
  };
}

/** Where a reply goes: the server asked from, and the key of the query a page button recalled. */
export interface PageOrigin {
  guildId: string | null;
  key?: string;
}

/**
 * A reply as Discord messages; a paginated one gets buttons whose key recalls its query from the
 * store, under the server's tenant, so that any front end on the same store answers a click. A next
 * page keeps its query's key. Without a server (a DM) there is no tenant to keep it under, and no
 * buttons: tenant-scoped commands, the only paginated ones, are refused there anyway.
 */
export function renderWithPages(
  reply: Reply,
  deps: Pick<InteractionDeps, 'store'>,
  origin: PageOrigin,
): DiscordMessage[] {
  if (!reply.pagination || !origin.guildId) return renderReply(reply);
  const { command, args, page, pages } = reply.pagination;
  const key =
    origin.key ?? deps.store.pageQueries.remember(discordTenant(origin.guildId).id, { command, args });
  return renderReply(reply, { components: [pageButtons(key, page, pages)] });
}

/** Autocomplete suggestions within Discord's length limits. */
export const discordChoices = (choices: Choice[]): Choice[] =>
  choices.map((c) => ({ name: truncate(c.name, CHOICE_MAX), value: c.value.slice(0, CHOICE_MAX) }));
