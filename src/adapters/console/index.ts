import { createInterface } from 'node:readline';
import { commands as allCommands } from '../../../commands/index.ts';
import type { Config } from '../../config.ts';
import type { CommandContext, CommandDefinition, RunArgs } from '../../core/command.ts';
import { UserError } from '../../core/errors.ts';
import type { Pagination } from '../../core/reply.ts';
import { runCommand } from '../../core/run-command.ts';
import { OPERATOR } from '../../core/tenant.ts';
import type { Store } from '../../store/index.ts';
import { parseSlackText } from '../slack/parse.ts';
import { renderConsole } from './render.ts';

export interface ConsoleOptions {
  store: Store;
  config: Config;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  commands?: CommandDefinition[];
  now?: () => Date;
}

export interface ConsoleSession {
  /** Resolves when the input ends (EOF, /quit) or close() is called, after the command in flight. */
  done: Promise<void>;
  close(): void;
}

/**
 * Console mode: reads slash commands typed on stdin (`/whois Witkoff`, `/timeline actor:Putin`)
 * in the same word and name:value forms as Slack, runs them through the same definitions and
 * runCommand (the console user is an admin), and prints plain-text replies.
 */
export function startConsole(options: ConsoleOptions): ConsoleSession {
  const commands = options.commands ?? allCommands;
  const { output } = options;
  const ctx: CommandContext = {
    store: options.store,
    config: options.config,
    platform: 'console',
    // The console is the operator's: it sees and changes what the environment and the CLI configure.
    tenant: OPERATOR,
    user: { id: 'console', isAdmin: true },
    now: options.now ?? (() => new Date()),
  };
  const rl = createInterface({ input: options.input, terminal: false });
  let last: Pagination | undefined;

  const run = async (def: CommandDefinition, args: RunArgs) => {
    const reply = await runCommand(def, ctx, args);
    last = reply.pagination;
    output.write(renderConsole(reply));
  };

  const handle = async (line: string): Promise<boolean> => {
    const text = line.trim();
    if (!text) return true;
    if (/^\/(quit|exit)$/i.test(text)) return false;
    const match = /^\/(\S+)\s*(.*)$/s.exec(text);
    if (!match) {
      output.write('Type a slash command, e.g. /help, /whois <name>, /timeline actor:<name>.\n');
      return true;
    }
    const name = match[1]!.toLowerCase();
    if (name === 'more') {
      const def = last && commands.find((c) => c.name === last?.command);
      if (!def || !last || last.page + 1 >= last.pages) output.write('Nothing more to show.\n');
      else await run(def, { ...last.args, page: last.page + 1 });
      return true;
    }
    const def = commands.find((c) => c.name === name);
    if (!def) {
      output.write(`Unknown command /${name}. Type /help for the list.\n`);
      return true;
    }
    try {
      await run(def, parseSlackText(def, match[2] ?? ''));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      output.write(`${err.message}\n`);
    }
    return true;
  };

  const done = (async () => {
    for await (const line of rl) {
      if (!(await handle(line))) break;
    }
    rl.close();
  })();
  return { done, close: () => rl.close() };
}
