import type { Config } from '../../config.ts';
import { errorMessage } from '../../core/errors.ts';
import { log } from '../../log.ts';
import type { FeedRow } from '../../store/feeds.ts';
import type { ArticleInput, Store } from '../../store/index.ts';
import type { Prepared } from '../prepare.ts';
import { emptyReport, type IngestReport, mergeReports } from '../report.ts';
import { type SaveOptions, saveArticles } from '../save.ts';
import type { RawArticle } from '../types.ts';
import { nextPollAfterFailure } from './backoff.ts';
import { fetchGuarded, limitsFromConfig } from './fetch-guarded.ts';
import { type HostGate, networkLimiter, processHostGate } from './host-limit.ts';
import { itemToRaw, needsPage } from './item-to-raw.ts';
import { type Limiter, mapLimit } from './map-limit.ts';
import {
  itemWithPage,
  type PageHandOff,
  PageHandOffError,
  type PageItem,
  pageItemOf,
  preparedInPool,
} from './page-items.ts';
import { parseFeedInParts } from './parse-feed.ts';
import { nextPollRun } from './poll-period.ts';
import { syncEnvFeeds } from './subscriptions.ts';
import type { FeedItem, ParsedFeed } from './types.ts';

export interface PollOptions {
  /** Poll every feed, not only those whose back-off has passed. */
  force?: boolean;
  /** When the scheduler runs next (shown as a healthy feed's next poll). */
  nextRun?: Date | null;
  /** Set when the bot shuts down: feeds not started yet are left for the next poll. */
  signal?: AbortSignal;
  /** Where FEED_HOST_CONCURRENCY is kept (default: this process's own slots per host). */
  hosts?: HostGate;
}

/** The requests of a poll: FEED_CONCURRENCY at once, FEED_HOST_CONCURRENCY of them per host. */
export const pollNetwork = (config: Config, hosts?: HostGate): Limiter =>
  networkLimiter(config.FEED_CONCURRENCY, hosts ?? processHostGate(config.FEED_HOST_CONCURRENCY));

/** `feeds poll --json`: the ingest report with how many feeds were polled and how many of them failed. */
export interface PollReport extends IngestReport {
  feeds: { polled: number; failed: number };
}

/** A feed item the parse worker prepared, as the raw article saveArticles pairs it with. */
const rawOfPrepared = (article: ArticleInput): RawArticle => ({
  origin: article.origin,
  kind: 'feed',
  feedId: article.feedId ?? undefined,
  fileHash: article.fileHash ?? undefined,
  url: article.url ?? undefined,
});

/**
 * The items of a part that speak for their origin: an item whose origin (its canonical link) an
 * earlier item of the same document already took is left out and counted as a duplicate. The store
 * keeps one article per origin, and keeping the first each poll (instead of writing both in turn)
 * leaves that article as it is from one poll to the next. The same item handed over again (a part
 * re-read whole) keeps its place.
 */
function firstOfEachOrigin(raws: RawArticle[], claimed: Map<string, string | undefined>): number[] {
  const kept: number[] = [];
  raws.forEach((raw, i) => {
    if (claimed.has(raw.origin) && claimed.get(raw.origin) !== raw.fileHash) return;
    claimed.set(raw.origin, raw.fileHash);
    kept.push(i);
  });
  return kept;
}

/**
 * One parsed part of a feed as raw articles with their preparation. Items the worker left unprepared
 * are stored unchanged (left as they are) or want their linked page: a new or changed one has it
 * fetched here, or with `handOff` is left out and returned under `pages` (to be fetched elsewhere),
 * and all are prepared in the parse pool, so that no cleaning runs on this thread.
 */
async function articlesOf(
  store: Store,
  config: Config,
  feed: FeedSource,
  part: ParsedFeed,
  analyse: boolean,
  claimed: Map<string, string | undefined>,
  fetching: { network: Limiter; handOff?: PageHandOff | undefined },
) {
  const source = { id: feed.id, title: part.title ?? feed.title };
  const all = part.items.map((item, i) => {
    const done = part.prepared?.[i];
    return done && !('error' in done) ? rawOfPrepared(done) : itemToRaw(item, source);
  });
  const kept = firstOfEachOrigin(all, claimed);
  const prepared: Prepared[] = [];
  // Items left for the parse pool to prepare here: new or changed ones the worker did not prepare.
  const unprepared: number[] = [];
  const pages: PageItem[] = [];
  // What the store holds of the items the worker left unprepared, in one query.
  const inStore = store.articles.findByOrigins(
    kept.filter((i) => !part.prepared?.[i]).map((i) => (all[i] as RawArticle).origin),
  );
  // Every item is looked at at once; only the page fetches wait for the poll's network limiter.
  const looked = await Promise.all(
    kept.map(async (i, k) => {
      const item = part.items[i] as FeedItem;
      const raw = all[i] as RawArticle;
      const done = part.prepared?.[i];
      if (done) prepared[k] = done;
      if (done) return raw;
      // Stored and unchanged: saveArticles leaves it alone, so its page is not fetched again. A changed
      // item gets its page again, or the update would replace the article's full text with the summary.
      const known = inStore.get(raw.origin);
      if (known?.status === 'active' && known.fileHash === raw.fileHash) return raw;
      const page = config.FETCH_FULL_TEXT && needsPage(item);
      const handed = page && fetching.handOff && pageItemOf(item, source, raw);
      if (handed) {
        pages.push(handed);
        return undefined;
      }
      unprepared.push(k);
      return page ? itemWithPage(item, source, config, fetching.network) : raw;
    }),
  );
  if (unprepared.length) {
    const done = await preparedInPool(
      unprepared.map((k) => looked[k] as RawArticle),
      analyse,
    );
    unprepared.forEach((at, k) => {
      prepared[at] = done[k] as Prepared;
    });
  }
  // The items handed over are stored by their page jobs, under the same origin and hash.
  const stored = looked.flatMap((raw, k) => (raw ? [k] : []));
  return {
    raws: stored.map((k) => looked[k] as RawArticle),
    prepared: stored.map((k) => prepared[k]),
    pages,
    duplicates: all.length - kept.length,
  };
}

type FeedSource = Pick<FeedRow, 'id' | 'title'>;

/**
 * Parses a fetched feed document and stores its items, adding to `report`. The parse workers parse
 * and prepare the parts of a large feed while this thread stores the parts before them.
 */
export async function storeFeedDocument(
  store: Store,
  config: Config,
  feed: FeedSource,
  doc: { body: Uint8Array; contentType?: string | null; url?: string },
  report: IngestReport,
  storing: Pick<SaveOptions, 'index'> & { network?: Limiter; pages?: PageHandOff | undefined } = {},
): Promise<{ title: string | null; items: number }> {
  // Its page fetches share the poll's limit on requests (a limit of their own when called alone).
  const { network = pollNetwork(config), pages: handOff, ...save } = storing;
  const analyse = save.index !== false;
  const prepare = {
    feedId: feed.id,
    feedTitle: feed.title,
    fullText: config.FETCH_FULL_TEXT,
    analyse,
    known: store.articles.feedItemHashes(feed.id),
  };
  let title: string | null | undefined;
  let items = 0;
  const claimed = new Map<string, string | undefined>();
  const notHanded: { count: number; err: unknown }[] = [];
  const options = { contentType: doc.contentType, baseUrl: doc.url, prepare };
  await parseFeedInParts(doc.body, options, async (part) => {
    title ??= part.title;
    items += part.items.length;
    report.skipped += part.skippedItems;
    const { raws, prepared, pages, duplicates } = await articlesOf(
      store,
      config,
      feed,
      part,
      analyse,
      claimed,
      { network, handOff },
    );
    report.duplicates += duplicates;
    mergeReports(report, saveArticles(store, raws, { ...save, prepared }));
    if (pages.length && handOff)
      await handOff(pages).catch((err: unknown) => {
        notHanded.push({ count: pages.length, err });
      });
  });
  // Thrown once the document is through (the parts after it are stored all the same), and before
  // the poll records the feed's validators: its retry fetches the document again and hands them over.
  if (notHanded.length)
    throw new PageHandOffError(`${notHanded.reduce((n, f) => n + f.count, 0)} items' pages not handed over`, {
      cause: notHanded[0]?.err,
    });
  return { title: title ?? null, items };
}

/** Fetches, parses and stores one feed; throws on failure (the caller records it). */
async function pollOne(store: Store, config: Config, feed: FeedRow, run: PollRun): Promise<void> {
  const { report, nextPoll, network } = run;
  const res = await network(
    () =>
      fetchGuarded(feed.url, {
        ...limitsFromConfig(config),
        etag: feed.etag,
        lastModified: feed.lastModified,
      }),
    feed.url,
  );
  const now = new Date().toISOString();
  if (res.notModified) {
    store.feeds.recordSuccess(feed.id, { now, nextPoll });
    return;
  }
  const stored = await storeFeedDocument(store, config, feed, res, report, {
    network,
    pages: run.pages,
  });
  store.feeds.recordSuccess(feed.id, {
    now,
    nextPoll,
    title: stored.title,
    etag: res.etag,
    lastModified: res.lastModified,
    items: stored.items,
  });
}

interface PollRun {
  report: PollReport;
  nextPoll: string | null;
  network: Limiter;
  /** Where the items that want their page go, instead of having it fetched in the poll. */
  pages?: PageHandOff | undefined;
}

/**
 * Polls one feed; its failure is recorded (with back-off) and reported, never thrown, except that of
 * handing pages over: the feed is fine, and its poll is to be tried again.
 */
async function pollRecorded(store: Store, config: Config, feed: FeedRow, run: PollRun): Promise<void> {
  run.report.feeds.polled++;
  try {
    await pollOne(store, config, feed, run);
  } catch (err) {
    if (err instanceof PageHandOffError) throw err;
    const error = errorMessage(err);
    const now = new Date();
    store.feeds.recordFailure(
      feed.id,
      error,
      now.toISOString(),
      nextPollAfterFailure(feed.consecutiveFailures + 1, now),
    );
    run.report.feeds.failed++;
    run.report.failed.push({ path: feed.url, error });
    log.warn({ feed: feed.url, err, failures: feed.consecutiveFailures + 1 }, 'feed poll failed');
  }
}

const emptyPollReport = (): PollReport => ({ ...emptyReport(), feeds: { polled: 0, failed: 0 } });

/**
 * When a healthy feed is due again: the scheduler's next run; for a due feed polled off the schedule
 * (a digest's ingest) FEED_POLL_CRON's next run, so the schedule's next tick does not fetch it again
 * in the same interval. A forced poll (`feeds poll`) leaves it due, as the user asked for a poll now
 * and the bot (re)started next should still poll it at once.
 */
function nextPollOf(config: Config, options: PollOptions): string | null {
  if (options.nextRun !== undefined) return options.nextRun?.toISOString() ?? null;
  return options.force ? null : (nextPollRun(config.FEED_POLL_CRON)?.toISOString() ?? null);
}

/** This process's poll of each store, for the next caller to wait for. */
const polling = new WeakMap<Store, Promise<unknown>>();

/**
 * Polls the feeds that are due (or all with `force`), stores new items, and updates feed health.
 * Feeds are fetched FEED_CONCURRENCY at a time; one feed's failure is recorded (with back-off) and
 * reported, and never stops the others. A poll asked for while another runs on the same store (a
 * digest's ingest beside the scheduled poll) starts after it, and so finds the feeds it just polled
 * not due: each URL is fetched once per interval.
 */
export async function pollFeeds(
  store: Store,
  config: Config,
  options: PollOptions = {},
): Promise<PollReport> {
  const before = polling.get(store) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => pollDue(store, config, options));
  polling.set(store, run);
  try {
    return await run;
  } finally {
    if (polling.get(store) === run) polling.delete(store);
  }
}

async function pollDue(store: Store, config: Config, options: PollOptions): Promise<PollReport> {
  syncEnvFeeds(store, config);
  const due = store.feeds.due(new Date().toISOString(), options.force);
  const report = emptyPollReport();
  if (due.length === 0) return report;
  // One limit on requests for the whole poll: feed documents and linked pages alike.
  const run: PollRun = {
    report,
    nextPoll: nextPollOf(config, options),
    network: pollNetwork(config, options.hosts),
  };
  await mapLimit(due, config.FEED_CONCURRENCY, async (feed) => {
    if (!options.signal?.aborted) await pollRecorded(store, config, feed, run);
  });
  log.info(
    { feeds: due.length, new: report.new, updated: report.updated, failed: report.failed.length },
    'feeds polled',
  );
  return report;
}

/**
 * Polls one feed by id (a queue worker's `polls` job; the front end sends jobs for followed feeds
 * only, and a feed unfollowed since is polled this once more). `network` is the worker's own
 * limiter, shared by its jobs; `pages` takes the new or changed items that want their page (the
 * worker's `pages` jobs), which the poll then neither fetches nor stores.
 */
export async function pollFeed(
  store: Store,
  config: Config,
  feedId: number,
  options: Pick<PollOptions, 'nextRun'> & { network: Limiter; pages?: PageHandOff },
): Promise<PollReport> {
  const report = emptyPollReport();
  const feed = store.feeds.get(feedId);
  if (!feed) return report;
  const nextPoll = options.nextRun ? options.nextRun.toISOString() : null;
  await pollRecorded(store, config, feed, {
    report,
    nextPoll,
    network: options.network,
    pages: options.pages,
  });
  return report;
}
