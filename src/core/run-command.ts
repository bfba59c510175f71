import { log } from '../log.ts';
import { checkArgs } from './args.ts';
import {
  type Choice,
  type CommandContext,
  type CommandDefinition,
  NO_TENANT_MESSAGE,
  type RunArgs,
} from './command.ts';
import { UserError } from './errors.ts';
import { type Reply, shortReply } from './reply.ts';

export const ADMIN_ONLY_MESSAGE = 'Only server admins can use this command.';
export const GENERIC_FAILURE = 'Something went wrong while answering; the error has been logged.';
/** Platforms cap autocomplete lists (Discord: 25). */
export const MAX_SUGGESTIONS = 25;

/**
 * The one policy point for running a command: admin check first, then the arguments are checked
 * against the definition; a UserError shows its message,
 * anything else is logged with context and answered with a short generic message. Never throws.
 */
export async function runCommand(def: CommandDefinition, ctx: CommandContext, args: RunArgs): Promise<Reply> {
  if (!def.tenantFree && !ctx.tenant) return shortReply(NO_TENANT_MESSAGE);
  if (def.adminOnly && !ctx.user.isAdmin) return shortReply(ADMIN_ONLY_MESSAGE);
  try {
    const named = args.subcommand ?? def.defaultSubcommand;
    const full = named === undefined ? args : { ...args, subcommand: named };
    checkArgs(def, full);
    return await def.run(ctx, full);
  } catch (err) {
    if (err instanceof UserError) return shortReply(err.message);
    log.error(
      {
        err,
        command: def.name,
        subcommand: args.subcommand,
        platform: ctx.platform,
        tenant: ctx.tenant?.id,
        user: ctx.user.id,
      },
      'command failed',
    );
    return shortReply(GENERIC_FAILURE);
  }
}

/** Suggestions for the option being typed; an error or a missing source gives none. Never throws. */
export async function runAutocomplete(
  def: CommandDefinition,
  ctx: CommandContext,
  optionName: string,
  typed: string,
): Promise<Choice[]> {
  const option = [...def.options, ...(def.subcommands ?? []).flatMap((s) => s.options)].find(
    (o) => o.name === optionName,
  );
  // Suggestions come from a tenant's sources: none where there is no tenant (a DM).
  if (!option?.autocomplete || (!def.tenantFree && !ctx.tenant)) return [];
  try {
    return (await option.autocomplete(ctx, typed)).slice(0, MAX_SUGGESTIONS);
  } catch (err) {
    log.warn({ err, command: def.name, option: optionName, platform: ctx.platform }, 'autocomplete failed');
    return [];
  }
}
