// bench:scale's tenants: Discord servers, each with one channel, three feeds posted item by item to
// it and a digest schedule, set up through the same slash commands an admin types (/feeds add,
// /digest schedule), run in-process against the store.
import { findCommand } from '../../commands/index.ts';
import type { Config } from '../../src/config.ts';
import type { CommandContext, RunArgs } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { discordTenant } from '../../src/core/tenant.ts';
import type { Store } from '../../src/store/index.ts';
import { rng } from '../synthetic-corpus.ts';

export interface TenantPlan {
  guild: string;
  channel: string;
  /** Farm feed ids it follows. */
  feeds: number[];
}

/** Share of the farm's feeds that are popular: many servers follow the same few outlets. */
const POPULAR_SHARE = 0.05;

/**
 * Who follows what: each server one popular feed (the lowest ids most often) and two of the rest in
 * turn, so that popular URLs are followed by dozens of servers and most others by one or two.
 */
export function planTenants(tenants: number, feedCount: number, seed = 5): TenantPlan[] {
  const rand = rng(seed);
  const popular = Math.max(1, Math.round(feedCount * POPULAR_SHARE));
  const rest = feedCount - popular;
  return Array.from({ length: tenants }, (_, t) => {
    const hot = Math.floor(popular * rand() ** 2);
    const own = [popular + ((2 * t) % rest), popular + ((2 * t + 1) % rest)];
    return {
      guild: String(300_000_000_000_000_000n + BigInt(t)),
      channel: String(400_000_000_000_000_000n + BigInt(t)),
      feeds: [hot, ...own],
    };
  });
}

/** Feed id -> the tenants (indices into the plan) that follow it. */
export function followers(plan: TenantPlan[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  plan.forEach((t, i) => {
    for (const f of t.feeds) out.set(f, [...(out.get(f) ?? []), i]);
  });
  return out;
}

const replyText = (reply: Reply): string => JSON.stringify(reply);

/** One admin's slash command in the server, as the Discord adapter runs it. */
async function asAdmin(store: Store, config: Config, tenant: TenantPlan, name: string, args: RunArgs) {
  const def = findCommand(name);
  if (!def) throw new Error(`no /${name} command`);
  const ctx: CommandContext = {
    store,
    config,
    platform: 'discord',
    tenant: discordTenant(tenant.guild),
    user: { id: '100000000000000005', isAdmin: true },
    now: () => new Date(),
  };
  return replyText(await runCommand(def, ctx, args));
}

/** /feeds add url:<feed> channel:<#channel> mode:items for each of the tenant's feeds, `parallel` servers at a time. */
export async function subscribeAll(
  store: Store,
  config: Config,
  plan: TenantPlan[],
  feedUrl: (id: number) => string,
  parallel = 4,
): Promise<void> {
  let next = 0;
  const one = async () => {
    while (next < plan.length) {
      const tenant = plan[next++] as TenantPlan;
      for (const feed of tenant.feeds) {
        const args = { subcommand: 'add', url: feedUrl(feed), channel: tenant.channel, mode: 'items' };
        const said = await asAdmin(store, config, tenant, 'feeds', args);
        if (!said.includes('Now following')) throw new Error(`/feeds add ${feedUrl(feed)}: ${said}`);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, one));
}

/** /digest schedule channel:<#channel> time:<HH:MM> timezone:UTC for every tenant, at `at` (UTC). */
export async function scheduleDigests(
  store: Store,
  config: Config,
  plan: TenantPlan[],
  at: Date,
): Promise<void> {
  const time = at.toISOString().slice(11, 16);
  for (const tenant of plan) {
    const args = { subcommand: 'schedule', channel: tenant.channel, time, timezone: 'UTC' };
    const said = await asAdmin(store, config, tenant, 'digest', args);
    if (!said.includes('Scheduled')) throw new Error(`/digest schedule: ${said}`);
  }
}
