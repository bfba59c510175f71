import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/errors.ts';
import { parseTenant } from '../core/tenant.ts';
import type { FeedHealth } from '../ingest/feeds/index.ts';
import { type CliContext, dbOption, printJson, tenantOption, withStore } from './context.ts';
import { summaryLine } from './ingest.ts';

// The feed code (fetching, parsing, the SSRF guard) loads when a feeds command runs, not for help.
const feedsModule = () => import('../ingest/feeds/index.ts');

interface AddOptions {
  json?: boolean;
  db?: string;
  tenant?: string;
  channel?: string;
  mode?: string;
  include?: string;
  exclude?: string;
}

async function parseOne(file: string, contentType: string | undefined, maxBytes: number) {
  const { feedJson, parseFeed } = await import('../ingest/feeds/parse-feed.ts');
  try {
    const bytes = await readFile(resolve(file));
    if (bytes.length > maxBytes) throw new Error(`file is larger than FEED_MAX_BYTES (${maxBytes} bytes)`);
    const feed = await parseFeed(bytes, { contentType });
    return { file, ok: true, feed: feedJson(feed) };
  } catch (err) {
    return { file, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

const when = (iso: string | null, none: string): string => (iso ? iso.replace(/\.\d{3}Z$/, 'Z') : none);

function healthLines(feeds: FeedHealth[]): string {
  if (!feeds.length) return 'no feeds: add one with `newsdesk feeds add URL` or set FEEDS\n';
  return feeds
    .map((f) => {
      const state = f.lastError
        ? `FAILING x${f.consecutiveFailures}: ${f.lastError}`
        : f.lastSuccess
          ? 'ok'
          : 'not polled yet';
      return [
        `#${f.id} ${f.url} (${f.origin})${f.title ? ` ${f.title}` : ''}`,
        `    ${state}; last success ${when(f.lastSuccess, 'never')}; next poll ${when(f.nextPoll, 'at the next scheduled poll')}`,
      ].join('\n');
    })
    .join('\n')
    .concat('\n');
}

export function registerFeedsCommands(program: Command, ctx: CliContext): void {
  const feeds = program.command('feeds').description('Manage, poll and test RSS/Atom feed subscriptions');

  dbOption(
    tenantOption(
      feeds
        .command('add')
        .description(
          'Subscribe to a feed (fetched and parsed once first, through the SSRF guard; its current items are stored, not posted)',
        )
        .argument('<url>', 'feed URL')
        .option('--channel <id>', 'the channel its posts go to (default: the digest)')
        .option('--mode <mode>', 'digest (default) or items')
        .option(
          '--include <terms>',
          'items mode: post only articles matching one of these keywords or /regex/ terms',
        )
        .option('--exclude <terms>', 'items mode: never post articles matching any of these terms')
        .option('--json', 'print the subscription as JSON'),
    ),
  ).action((url: string, opts: AddOptions) =>
    withStore(ctx, opts, async (store) => {
      if (opts.mode !== undefined && opts.mode !== 'digest' && opts.mode !== 'items')
        throw new UserError(`--mode: expected digest or items, not ${opts.mode}`);
      // Checked before anything is fetched, as in chat: a bad pattern is an error naming the term.
      const { compileFilter } = await import('../filters/index.ts');
      const filter = compileFilter({ include: opts.include ?? '', exclude: opts.exclude ?? '' });
      const { addFeed } = await feedsModule();
      const feed = await addFeed(store, ctx.config, parseTenant(opts.tenant).id, url, {
        channel: opts.channel ?? null,
        mode: opts.mode ?? 'digest',
        ...(filter.empty ? {} : { filters: { include: filter.include, exclude: filter.exclude } }),
      });
      if (opts.json)
        return printJson(
          filter.empty ? feed : { ...feed, filters: { include: filter.include, exclude: filter.exclude } },
        );
      process.stdout.write(`following #${feed.id} ${feed.url}${feed.title ? ` (${feed.title})` : ''}\n`);
    }),
  );

  dbOption(
    tenantOption(
      feeds
        .command('remove')
        .description('Unsubscribe from a feed')
        .argument('<url-or-id>', 'feed URL or id'),
    ),
  ).action((target: string, opts: { db?: string; tenant?: string }) =>
    withStore(ctx, opts, async (store) => {
      const { removeFeed } = await feedsModule();
      if (!removeFeed(store, parseTenant(opts.tenant).id, target))
        throw new UserError(`no feed matches ${target} (see \`newsdesk feeds list\`)`);
      process.stdout.write(`removed ${target}\n`);
    }),
  );

  dbOption(
    tenantOption(
      feeds.command('list').description('Subscribed feeds with their health').option('--json', 'print JSON'),
    ),
  ).action((opts: { json?: boolean; db?: string; tenant?: string }) =>
    withStore(ctx, opts, async (store) => {
      const { listFeeds } = await feedsModule();
      const list = listFeeds(store, ctx.config, parseTenant(opts.tenant).id);
      if (opts.json) return printJson(list);
      process.stdout.write(healthLines(list));
    }),
  );

  dbOption(
    feeds
      .command('poll')
      .description('Poll every subscribed feed now and store new items')
      .option('--json', 'print the ingest report as JSON (with ok and the feeds polled and failed)'),
  ).action((opts: { json?: boolean; db?: string }) =>
    withStore(ctx, opts, async (store) => {
      const { pollFeeds } = await feedsModule();
      const report = await pollFeeds(store, ctx.config, { force: true });
      // A script that polls learns of a failing feed or item from the exit code, not only from the text.
      if (report.failed.length) process.exitCode = 1;
      if (opts.json) return printJson({ ...report, ok: report.failed.length === 0 });
      for (const f of report.failed) process.stdout.write(`failed: ${f.path}: ${f.error}\n`);
      process.stdout.write(`${summaryLine(report)}\n`);
    }),
  );

  feeds
    .command('parse')
    .description('Parse local feed files through the polling pipeline; one JSON line per file')
    .argument('<files...>', 'feed documents (RSS 0.9x/1.0/2.0 or Atom)')
    .option('--jsonl', 'one JSON object per line (the default and only output format)')
    .option(
      '--content-type <type>',
      'decode as if served with this Content-Type (e.g. "text/xml; charset=koi8-r")',
    )
    .action(async (files: string[], opts: { contentType?: string }) => {
      let failed = 0;
      for (const file of files) {
        const result = await parseOne(file, opts.contentType, ctx.config.FEED_MAX_BYTES);
        if (!result.ok) failed++;
        process.stdout.write(`${JSON.stringify(result)}\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
