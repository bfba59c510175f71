import type { Command } from 'commander';
import { UserError } from '../core/errors.ts';
import { audienceOf, parseTenant } from '../core/tenant.ts';
import { type CliContext, dbOption, printJson, tenantOption, withStore } from './context.ts';

// The queries alone, not the knowledge door (knowledge/index.ts), which also brings the extraction
// (chrono-node, the vocabularies) that reading the store does not need.
const QUERIES = {
  whois: () => import('../knowledge/whois.ts'),
  timeline: () => import('../knowledge/timeline.ts'),
  format: () => import('../knowledge/format.ts'),
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`--limit must be a positive whole number, not "${value}"`);
  return n;
}

export function registerKnowledgeCommands(program: Command, ctx: CliContext): void {
  dbOption(
    tenantOption(
      program
        .command('whois')
        .description('who is NAME: roles with sources, profile, related actors, latest events')
        .argument('<name...>', 'a person, organisation or place (any spelling; a surname is enough)')
        .option('--json', 'print JSON'),
    ),
  ).action((name: string[], opts: { json?: boolean; db?: string; tenant?: string }) =>
    withStore(ctx, opts, async (store) => {
      const [{ whoisQuery }, { formatWhois }] = await Promise.all([QUERIES.whois(), QUERIES.format()]);
      const result = whoisQuery(store, name.join(' '), audienceOf(parseTenant(opts.tenant), ctx.settings));
      if (opts.json) printJson(result);
      else process.stdout.write(`${formatWhois(result)}\n`);
      if (!result.actor) process.exitCode = 1;
    }),
  );

  dbOption(
    tenantOption(
      program
        .command('timeline')
        .description('events in date order (the latest N unless --from is given)')
        .option('--actor <name>', 'only events with this actor')
        .option('--from <date>', 'from this date (YYYY-MM-DD, YYYY-MM or YYYY)')
        .option('--to <date>', 'up to this date')
        .option('--query <text>', 'only events whose title or summary has these words')
        .option('--limit <n>', 'at most N events (default 50)', positiveInt)
        .option('--json', 'print JSON'),
    ),
  ).action(
    (opts: {
      actor?: string;
      from?: string;
      to?: string;
      query?: string;
      limit?: number;
      json?: boolean;
      db?: string;
      tenant?: string;
    }) =>
      withStore(ctx, opts, async (store) => {
        const [{ timelineQuery }, { formatTimeline }] = await Promise.all([
          QUERIES.timeline(),
          QUERIES.format(),
        ]);
        const audience = audienceOf(parseTenant(opts.tenant), ctx.settings);
        const query = {
          actor: opts.actor,
          from: opts.from,
          to: opts.to,
          query: opts.query,
          limit: opts.limit,
        };
        const result = timelineQuery(store, query, audience);
        if (opts.json) printJson(result);
        else process.stdout.write(`${formatTimeline(result.events)}\n`);
      }),
  );
}
