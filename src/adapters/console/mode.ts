import { existsSync } from 'node:fs';
import type { Config } from '../../config.ts';
import { errorMessage } from '../../core/errors.ts';
import { runDigest } from '../../digest/run.ts';
import { runIngest } from '../../ingest/index.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { type ConsoleSession, startConsole } from './index.ts';
import { renderConsole } from './render.ts';

const SETUP_HINT = `To connect to chat, set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord) or
SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) for Slack; see README "Setting up Discord and Slack".`;

/**
 * What `npm start` does with no chat platform configured: ingest the corpus (and feeds), print the
 * digest, then answer slash commands typed on stdin until EOF.
 */
export async function startConsoleMode(options: {
  store: Store;
  config: Config;
  log: Logger;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}): Promise<ConsoleSession> {
  const { store, config, log, output } = options;
  const say = (text: string) => output.write(`${text}\n`);
  say('newsdesk console mode: no Discord or Slack token is set.');
  say(SETUP_HINT);
  const corpus = existsSync(config.CORPUS_DIR);
  if (!corpus) {
    say(
      `\nNo corpus folder at ${config.CORPUS_DIR}: set CORPUS_DIR to a folder of .txt, .md, .html or .json articles.`,
    );
  }
  if (!config.FEEDS.length)
    say('No feeds configured: set FEEDS to RSS/Atom URLs, or add them with /feeds add.');
  if (corpus || config.FEEDS.length) {
    try {
      const report = await runIngest(store, {
        corpusDirs: corpus ? [config.CORPUS_DIR] : [],
        feeds: config.FEEDS.length > 0,
        config,
      });
      say(
        `\nIngested: ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ` +
          `${report.duplicates} duplicates, ${report.failed.length} failed.`,
      );
    } catch (err) {
      log.error({ err }, 'ingest failed');
      say(`\nIngest failed: ${errorMessage(err)}`);
    }
  }
  try {
    const { reply } = await runDigest(store, config, { ephemeral: true });
    output.write(`\n${renderConsole(reply)}`);
  } catch (err) {
    log.error({ err }, 'digest failed');
    say(`\nNo digest: ${errorMessage(err)}`);
  }
  say('\nType a command (/help, /whois <name>, /timeline [actor:<name>]); Ctrl-D quits.');
  return startConsole({ store, config, input: options.input, output });
}
