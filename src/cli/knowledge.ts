import type { Command } from 'commander';
import { UserError } from '../core/errors.ts';
import { audienceOf, parseTenant } from '../core/tenant.ts';
import { formatTimeline, formatWhois } from '../knowledge/format.ts';
import { timeline, whois } from '../knowledge/index.ts';
import { type CliContext, dbOption, printJson, tenantOption, withStore } from './context.ts';

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
    withStore(ctx, opts, (store) => {
      const result = whois(store, name.join(' '), audienceOf(parseTenant(opts.tenant), ctx.config));
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
      withStore(ctx, opts, (store) => {
        const audience = audienceOf(parseTenant(opts.tenant), ctx.config);
        const query = {
          actor: opts.actor,
          from: opts.from,
          to: opts.to,
          query: opts.query,
          limit: opts.limit,
        };
        const result = timeline(store, query, audience);
        if (opts.json) printJson(result);
        else process.stdout.write(`${formatTimeline(result.events)}\n`);
      }),
  );
}
