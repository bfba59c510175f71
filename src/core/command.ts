import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import type { Reply } from './reply.ts';

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
  user: { id: string; isAdmin: boolean };
  now: () => Date;
}

export interface OptionDefinition {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
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
  subcommands?: Omit<CommandDefinition, 'subcommands' | 'run' | 'adminOnly'>[];
  adminOnly: boolean;
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
