import { Command, CommanderError } from 'commander';
import { registerBotCommands } from './cli/bot.ts';
import type { CliContext } from './cli/context.ts';
import { registerFeedsCommands } from './cli/feeds.ts';
import { registerIngestCommands } from './cli/ingest.ts';
import { registerKnowledgeCommands } from './cli/knowledge.ts';
import { registerSummarizeCommands } from './cli/summarize.ts';
import { ConfigError, loadConfig } from './config.ts';
import { UserError } from './core/errors.ts';
import { log } from './log.ts';

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  log.level = config.LOG_LEVEL;
  const ctx: CliContext = { config };
  const program = new Command('newsdesk')
    .description(
      'Diplomatic news desk: ingest articles, ask who is who and what happened when, read digests.',
    )
    .exitOverride()
    .showHelpAfterError(false);
  registerIngestCommands(program, ctx);
  registerFeedsCommands(program, ctx);
  registerKnowledgeCommands(program, ctx);
  registerSummarizeCommands(program, ctx);
  registerBotCommands(program, ctx);
  await program.parseAsync(argv);
}

main(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander already printed its message (or the help text).
    process.exitCode = err.exitCode;
    return;
  }
  if (err instanceof UserError || err instanceof ConfigError) {
    process.stderr.write(`newsdesk: ${err.message}\n`);
  } else {
    log.debug({ err }, 'unexpected error');
    process.stderr.write(`newsdesk: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exitCode = 1;
});
