import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { UserError } from './errors.ts';
import type { Reply } from './reply.ts';
import type { Tenant } from './tenant.ts';

export type OptionValue = string | number | boolean;
export type CommandArgs = Record<string, OptionValue | undefined>;
/** What a handler receives: option values, the chosen sub-command, and the page asked for (from 0). */
export type RunArgs = CommandArgs & { subcommand?: string; page?: number };

export interface Choice {
  name: string;
  value: string;
}

export interface CommandContext {
  store: Store;
  config: Config;
  platform: 'discord' | 'slack' | 'console';
  /**
   * The server or workspace asking (the console: the operator); null where there is none (a Discord
   * DM), which runCommand refuses for every command that is not `tenantFree`.
   */
  tenant: Tenant | null;
  /** `isAdmin`: may change this tenant's configuration (Manage Server; Slack admin list). */
  user: { id: string; isAdmin: boolean };
  now: () => Date;
}

export interface OptionDefinition {
  name: string;
  description: string;
  /** 'channel': a channel of the tenant's, given as its id (Discord's channel picker; `#name` or `<#C…>` on Slack). */
  type: 'string' | 'integer' | 'boolean' | 'channel';
  required?: boolean;
  choices?: Choice[];
  /** Bounds for integer options (Discord min_value/max_value; checked by runCommand everywhere). */
  min?: number;
  max?: number;
  /** Suggestions while the user types (Discord autocomplete; listed in usage help on Slack). */
  autocomplete?: (ctx: CommandContext, typed: string) => Choice[] | Promise<Choice[]>;
}

export interface CommandDefinition {
  name: string;
  description: string;
  options: OptionDefinition[];
  /** Sub-commands (e.g. /feeds add|remove|list); when present, `run` receives `subcommand`. */
  subcommands?: Omit<CommandDefinition, 'subcommands' | 'defaultSubcommand' | 'run' | 'adminOnly'>[];
  /**
   * The sub-command meant when none is named (Slack and console text, a client that sends none), so
   * that `/digest` and `/digest post:true` keep working beside `/digest schedule`. Discord always names one.
   */
  defaultSubcommand?: string;
  adminOnly: boolean;
  /** Answers the same for everyone and reads nothing of a tenant's (e.g. /help): allowed in DMs. */
  tenantFree?: boolean;
  /** May take longer than a platform's acknowledgement window (LLM, network): adapters defer first. */
  slow?: boolean;
  /**
   * Whether the answer goes to the whole channel, known before the handler runs (platforms fix an
   * answer's visibility when acknowledging). Default: only the person who asked sees it.
   */
  isPublic?: (args: RunArgs) => boolean;
  run(ctx: CommandContext, args: RunArgs): Promise<Reply>;
}

export const defineCommand = (definition: CommandDefinition): CommandDefinition => definition;

export const NO_TENANT_MESSAGE =
  'This command works in a server or workspace, where its feeds and digests live: use it in a channel there.';

/** The tenant a command acts for; runCommand has already refused contexts without one. */
export function tenantOf(ctx: CommandContext): Tenant {
  if (!ctx.tenant) throw new UserError(NO_TENANT_MESSAGE);
  return ctx.tenant;
}
