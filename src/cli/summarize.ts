import type { Command } from 'commander';
import { sourceUrl } from '../core/citations.ts';
import { UserError } from '../core/errors.ts';
import { audienceOf, parseTenant } from '../core/tenant.ts';
import type { DigestResult, SummaryItem, SummaryResult } from '../summarize/types.ts';
import { type CliContext, dbOption, printJson, tenantOption, withStore } from './context.ts';

function positive(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new UserError(`${name} must be a positive number, got "${value}"`);
    return n;
  };
}

function renderItems(items: SummaryItem[]): string[] {
  const lines: string[] = [];
  items.forEach((item, i) => {
    lines.push(`${i + 1}. ${item.text}`);
    for (const s of item.sources) {
      lines.push(
        `   - ${s.title}${s.source ? ` (${s.source})` : ''}: ${sourceUrl(s) ?? s.path ?? `article ${s.articleId}`}`,
      );
    }
  });
  return lines;
}

function renderDigest(d: DigestResult): string {
  const lines = [
    `${d.headline}`,
    `mode: ${d.mode}${d.note ? ` (${d.note})` : ''}`,
    `period: ${d.since} to ${d.until}`,
    '',
  ];
  lines.push(...renderItems(d.items));
  if (d.watch.length > 0) {
    lines.push('', 'What to watch:');
    for (const w of d.watch) lines.push(`- ${w.date}: ${w.title}`);
  }
  if (d.leftOut?.length) lines.push('', `${d.leftOut.length} article(s) left out (see --json for reasons)`);
  return lines.join('\n');
}

function renderSummary(s: SummaryResult): string {
  const lines = [
    `Summary${s.topic ? ` of "${s.topic}"` : ''}, ${s.period ? `${s.period.since} to ${s.period.until}` : `last ${s.days} days`}`,
    `mode: ${s.mode}${s.note ? ` (${s.note})` : ''}`,
    '',
    ...renderItems(s.items),
  ];
  return lines.join('\n');
}

export function registerSummarizeCommands(program: Command, ctx: CliContext): void {
  dbOption(
    tenantOption(
      program
        .command('digest')
        .description('Preview the digest of what changed since the last posted one (records nothing)')
        .option('--since <date>', 'start of the period (ISO date or time)')
        .option('--hours <n>', 'the last N hours', positive('--hours'))
        .option('--json', 'print JSON'),
    ),
  ).action(async (opts: { since?: string; hours?: number; json?: boolean; db?: string; tenant?: string }) => {
    const audience = audienceOf(parseTenant(opts.tenant), ctx.config);
    const { composeDigest } = await import('../summarize/index.ts');
    const digest = await withStore(ctx, opts, (store) =>
      composeDigest(store, ctx.config, { audience, since: opts.since, hours: opts.hours }),
    );
    if (opts.json) printJson(digest);
    else process.stdout.write(`${renderDigest(digest)}\n`);
  });

  dbOption(
    tenantOption(
      program
        .command('summary [topic]')
        .description('Summarise recent articles, optionally about a topic, with sources')
        .option('--days <n>', 'how many days back from the newest article', positive('--days'))
        .option('--json', 'print JSON'),
    ),
  ).action(
    async (
      topic: string | undefined,
      opts: { days?: number; json?: boolean; db?: string; tenant?: string },
    ) => {
      const audience = audienceOf(parseTenant(opts.tenant), ctx.config);
      const { summarize } = await import('../summarize/index.ts');
      const result = await withStore(ctx, opts, (store) =>
        summarize(store, ctx.config, { audience, topic, days: opts.days, widen: opts.days === undefined }),
      );
      if (opts.json) printJson(result);
      else process.stdout.write(`${renderSummary(result)}\n`);
    },
  );
}
