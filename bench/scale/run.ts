// One bench:scale run: the farm back to its subscribed state, a fresh Discord stand-in, digests
// scheduled for a minute inside the run, the newsdesk processes started, items published for the
// window, then drained until every expected delivery arrived (or the drain time ran out).
import type { Config } from '../../src/config.ts';
import type { Store } from '../../src/store/index.ts';
import { DiscordStandIn, IDS } from '../../test/support/discord-server.ts';
import type { FeedFarm } from './farm.ts';
import { DeliveryLedger, percentile } from './ledger.ts';
import { type Running, stopProcess } from './processes.ts';
import { scheduleDigests, type TenantPlan } from './tenants.ts';

export const TOKEN = 'bench-scale-token';

export interface RunSettings {
  farm: FeedFarm;
  plan: TenantPlan[];
  config: Config;
  /** Seconds items are published for; polls per second are counted over this window. */
  windowS: number;
  /** New items per second over all the healthy feeds. */
  itemsPerS: number;
  /** The poll interval the processes are given. */
  intervalS: number;
  /** Longest wait after the window for deliveries still on their way. */
  drainS: number;
}

/** What the job queue's table says after a run. */
export interface QueueFigures {
  jobs: number;
  /** Jobs run more than once (a retry after failing or after their worker died). */
  retried: number;
  failed: number;
}

export interface Scenario {
  name: string;
  /** The run's store, fresh from the seeded one (schedules are added to it, results read from it). */
  openStore(): Promise<Store>;
  /** Starts the processes with the stand-ins' environment. */
  start(env: Record<string, string>): Promise<Running[]>;
  /** Resolves when the processes are ready to work (before that, start-up is not counted in the window). */
  ready?(processes: Running[]): Promise<void>;
  /** Halfway through the window (the worker kill). */
  midRun?(processes: Running[]): Promise<void> | void;
  /** After the processes stopped: the job queue's figures, where there is one. */
  finished?(): Promise<QueueFigures | undefined>;
}

export interface RunResult {
  name: string;
  polls: number;
  pollsPerS: number;
  /** The most fetches of one feed URL within one poll interval. */
  maxFetchesPerInterval: number;
  feedsPolled: number;
  itemsAppeared: number;
  itemsStored: number;
  storedP50Ms?: number;
  storedP99Ms?: number;
  postedP50Ms?: number;
  postedP99Ms?: number;
  items: ReturnType<DeliveryLedger['summary']>['items'];
  digests: ReturnType<DeliveryLedger['summary']>['digests'];
  stray: number;
  healthNotices: number;
  nonceRepeats: number;
  drainedS: number;
  /** From spawning the processes to the window's start (ready, first feed fetched). */
  startUpS: number;
  processes: { name: string; peakMb: number; ended: string }[];
  queue?: QueueFigures;
  notes: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most fetches of one URL in any interval-long bucket of the window. */
function maxPerInterval(farm: FeedFarm, from: number, to: number, intervalMs: number): number {
  let max = 0;
  for (const times of farm.fetches.values()) {
    const buckets = new Map<number, number>();
    for (const t of times.filter((t) => t >= from && t < to)) {
      const b = Math.floor((t - from) / intervalMs);
      buckets.set(b, (buckets.get(b) ?? 0) + 1);
    }
    max = Math.max(max, ...buckets.values());
  }
  return max;
}

/** How long each item that appeared in the run took to become a stored article. */
function storedLatencies(store: Store, farm: FeedFarm, since: number): number[] {
  const out: number[] = [];
  for (const article of store.articles.list({ includeDuplicates: true })) {
    const item = article.url ? farm.itemOf(article.url) : undefined;
    if (item?.appearedAt !== undefined && item.appearedAt >= since)
      out.push(Date.parse(article.ingestedAt) - item.appearedAt);
  }
  return out;
}

export async function runScenario(scenario: Scenario, settings: RunSettings): Promise<RunResult> {
  const { farm, plan, config } = settings;
  const notes: string[] = [];
  farm.reset();
  const servers = plan.map((t) => ({ guild: t.guild, channel: t.channel }));
  const discord = await new DiscordStandIn(TOKEN, servers).start();
  const ledger = new DeliveryLedger(farm, plan);
  discord.onCreated = (m) => ledger.record(m);

  // The digest slot: the first whole minute at least 15 s away (schedules are by the minute), inside
  // the window or its drain; one that passes while the processes start is caught up at their start.
  const slotAt = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
  const store = await scenario.openStore();
  await scheduleDigests(store, config, plan, slotAt);
  ledger.expectDigests(
    plan.flatMap((t) => store.schedules.list(`discord:${t.guild}`)),
    new Date(slotAt.getTime() + 1_000),
  );
  store.close();

  const env = {
    LOG_LEVEL: 'warn',
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.application,
    DISCORD_API_URL: discord.apiUrl,
    ALLOW_PRIVATE_FEEDS: 'true',
    FEED_TIMEOUT_MS: '5000',
    SLACK_BOT_TOKEN: '',
    SLACK_APP_TOKEN: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    FEEDS: '',
  };
  const processes = await scenario.start(env);
  try {
    // The window starts once the processes are up and the first feed has been asked for.
    const spawned = Date.now();
    await scenario.ready?.(processes);
    while (![...farm.fetches.values()].some((ts) => ts.some((t) => t >= spawned))) await sleep(100);
    const startUpS = (Date.now() - spawned) / 1000;
    farm.live = true;
    const start = Date.now();
    // New items appear in the feeds someone follows (an unfollowed feed is never polled).
    const followed = new Set(plan.flatMap((t) => t.feeds));
    const healthy = farm.healthy().filter((f) => followed.has(f.id));
    let published = 0;
    let midDone = false;
    while (Date.now() - start < settings.windowS * 1000) {
      const due = Math.floor(((Date.now() - start) / 1000) * settings.itemsPerS);
      for (; published < due; published++)
        farm.publish(healthy[Math.floor(Math.random() * healthy.length)]!.id);
      if (!midDone && scenario.midRun && Date.now() - start >= (settings.windowS * 1000) / 2) {
        midDone = true;
        await scenario.midRun(processes);
      }
      await sleep(100);
    }
    const end = Date.now();
    const polls = [...farm.fetches.values()].flat().filter((t) => t >= start && t < end);
    // Drain: until every expected item and digest arrived and the slot has passed.
    while (
      Date.now() - end < settings.drainS * 1000 &&
      (Date.now() < slotAt.getTime() + 5_000 || !ledger.complete())
    )
      await sleep(500);
    const drainedS = (Date.now() - end) / 1000;
    if (!ledger.complete())
      notes.push(
        `not arrived after ${settings.drainS} s of drain: ${ledger.missing().slice(0, 5).join(', ')}`,
      );
    const ended = [];
    for (const p of processes) ended.push({ name: p.name, peakMb: p.peakMb, ended: await stopProcess(p) });
    const summary = ledger.summary();
    const after = await scenario.openStore();
    const stored = storedLatencies(after, farm, start);
    after.close();
    const queue = await scenario.finished?.();
    const intervalMs = settings.intervalS * 1000;
    return {
      name: scenario.name,
      polls: polls.length,
      pollsPerS: polls.length / ((end - start) / 1000),
      maxFetchesPerInterval: maxPerInterval(farm, start, end, intervalMs),
      feedsPolled: [...farm.fetches.values()].filter((ts) => ts.some((t) => t >= start && t < end)).length,
      itemsAppeared: published,
      itemsStored: stored.length,
      storedP50Ms: percentile(stored, 50),
      storedP99Ms: percentile(stored, 99),
      postedP50Ms: percentile(summary.postLatencyMs, 50),
      postedP99Ms: percentile(summary.postLatencyMs, 99),
      items: summary.items,
      digests: summary.digests,
      stray: summary.stray,
      healthNotices: summary.healthNotices,
      nonceRepeats: discord.nonceRepeats,
      drainedS,
      startUpS,
      processes: ended.map((e, i) => ({ ...e, peakMb: processes[i]!.peakMb })),
      ...(queue ? { queue } : {}),
      notes,
    };
  } finally {
    // Subscribing (the next store's set-up) sees every feed answer.
    farm.reset();
    for (const p of processes)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await discord.close();
  }
}
