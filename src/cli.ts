import { Command, CommanderError } from 'commander';
import { registerBotCommands } from './cli/bot.ts';
import { type CliContext, loadCliContext } from './cli/context.ts';
import { registerFeedsCommands } from './cli/feeds.ts';
import { registerIngestCommands } from './cli/ingest.ts';
import { registerKnowledgeCommands } from './cli/knowledge.ts';
import { registerSummarizeCommands } from './cli/summarize.ts';
import { registerWorkerCommand } from './cli/worker.ts';
import { CodedError, ErrorCode } from './core/errors.ts';

// Only the command definitions load at start; each action imports what it needs when it runs, so
// `--help` and the queries do not pay for the bot platforms, the LLM client or text analysis.

async function main(argv: string[]): Promise<void> {
  const ctx = {} as CliContext;
  const program = new Command('newsdesk')
    .description(
      'Diplomatic news desk: ingest articles, ask who is who and what happened when, read digests.',
    )
    .exitOverride()
    .showHelpAfterError(false)
    // Configuration is read (and checked) once a command is about to run, not for help.
    .hook('preAction', (_program, command) => loadCliContext(ctx, command.name()));
  registerIngestCommands(program, ctx);
  registerFeedsCommands(program, ctx);
  registerKnowledgeCommands(program, ctx);
  registerSummarizeCommands(program, ctx);
  registerBotCommands(program, ctx);
  registerWorkerCommand(program, ctx);
  await program.parseAsync(argv);
}

/** A user's mistake or a bad configuration: its message is the whole story. */
const SHOWN_AS_IS: ReadonlySet<string> = new Set([ErrorCode.User, ErrorCode.Config]);

main(process.argv).catch(async (err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander already printed its message (or the help text).
    process.exitCode = err.exitCode;
    return;
  }
  if (err instanceof CodedError && SHOWN_AS_IS.has(err.code)) {
    process.stderr.write(`newsdesk: ${err.message}\n`);
  } else {
    const { log } = await import('./log.ts');
    log.debug({ err }, 'unexpected error');
    process.stderr.write(`newsdesk: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exitCode = 1;
});
