import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { feedJson, parseFeed } from '../ingest/feeds/parse-feed.ts';
import type { CliContext } from './context.ts';

async function parseOne(file: string, contentType: string | undefined, maxBytes: number) {
  try {
    const bytes = await readFile(file);
    if (bytes.length > maxBytes) throw new Error(`file is larger than FEED_MAX_BYTES (${maxBytes} bytes)`);
    const feed = await parseFeed(bytes, { contentType, mode: 'text' });
    return { file, ok: true, feed: feedJson(feed) };
  } catch (err) {
    return { file, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function registerFeedsCommands(program: Command, ctx: CliContext): void {
  const feeds = program.command('feeds').description('Manage and test RSS/Atom feed subscriptions');

  feeds
    .command('parse')
    .description('Parse local feed files through the polling pipeline; one JSON line per file')
    .argument('<files...>', 'feed documents (RSS 0.9x/1.0/2.0 or Atom)')
    .option('--jsonl', 'one JSON object per line (the default and only output format)')
    .option(
      '--content-type <type>',
      'decode as if served with this HTTP Content-Type (e.g. "text/xml; charset=koi8-r")',
    )
    .action(async (files: string[], opts: { contentType?: string }) => {
      let failed = 0;
      for (const file of files) {
        const result = await parseOne(resolve(file), opts.contentType, ctx.config.FEED_MAX_BYTES);
        if (!result.ok) failed++;
        process.stdout.write(`${JSON.stringify({ ...result, file })}\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
