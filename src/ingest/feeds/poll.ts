import type { Config } from '../../config.ts';
import { errorMessage } from '../../core/errors.ts';
import { log } from '../../log.ts';
import type { FeedRow } from '../../store/feeds.ts';
import type { Store } from '../../store/index.ts';
import { emptyReport, type IngestReport, mergeReports } from '../index.ts';
import { nearDuplicateIndexOf, saveArticles } from '../save.ts';
import type { NearDuplicateIndex } from '../simhash.ts';
import { nextPollAfterFailure } from './backoff.ts';
import { fetchGuarded, limitsFromConfig } from './fetch-guarded.ts';
import { fetchPageHtml, wantsFullText } from './full-text.ts';
import { itemOrigin, itemToRaw } from './item-to-raw.ts';
import { mapLimit } from './map-limit.ts';
import { parseFeed } from './parse-feed.ts';
import { syncEnvFeeds } from './subscriptions.ts';

export interface PollOptions {
  /** Poll every feed, not only those whose back-off has passed. */
  force?: boolean;
  /** When the scheduler runs next (shown as a healthy feed's next poll). */
  nextRun?: Date | null;
  /** Set when the bot shuts down: feeds not started yet are left for the next poll. */
  signal?: AbortSignal;
}

/** Fetches, parses and stores one feed; throws on failure (the caller records it). */
async function pollOne(
  store: Store,
  config: Config,
  feed: FeedRow,
  near: NearDuplicateIndex,
  report: IngestReport,
  nextPoll: string | null,
): Promise<void> {
  const res = await fetchGuarded(feed.url, {
    ...limitsFromConfig(config),
    etag: feed.etag,
    lastModified: feed.lastModified,
  });
  const now = new Date().toISOString();
  if (res.notModified) {
    store.feeds.recordSuccess(feed.id, { now, nextPoll });
    return;
  }
  const parsed = await parseFeed(res.body, { contentType: res.contentType, baseUrl: res.url });
  const source = { id: feed.id, title: parsed.title ?? feed.title };
  const raws = await mapLimit(parsed.items, config.FEED_CONCURRENCY, async (item) => {
    const known = store.articles.findByOrigin(itemOrigin(item, feed.id));
    const fetchPage = !known && wantsFullText(item, config);
    return itemToRaw(item, source, fetchPage ? await fetchPageHtml(item, config) : undefined);
  });
  mergeReports(report, saveArticles(store, raws, { nearDuplicates: near }));
  report.skipped += parsed.skippedItems;
  store.feeds.recordSuccess(feed.id, {
    now,
    nextPoll,
    title: parsed.title,
    etag: res.etag,
    lastModified: res.lastModified,
    items: parsed.items.length,
  });
}

/**
 * Polls the feeds that are due (or all with `force`), stores new items, and updates feed health.
 * Feeds are fetched FEED_CONCURRENCY at a time; one feed's failure is recorded (with back-off) and
 * reported, and never stops the others.
 */
export async function pollFeeds(
  store: Store,
  config: Config,
  options: PollOptions = {},
): Promise<IngestReport> {
  syncEnvFeeds(store, config);
  const due = store.feeds.due(new Date().toISOString(), options.force);
  const report = emptyReport();
  if (due.length === 0) return report;
  const near = nearDuplicateIndexOf(store);
  const nextPoll = options.nextRun ? options.nextRun.toISOString() : null;
  await mapLimit(due, config.FEED_CONCURRENCY, async (feed) => {
    if (options.signal?.aborted) return;
    try {
      await pollOne(store, config, feed, near, report, nextPoll);
    } catch (err) {
      const error = errorMessage(err);
      const now = new Date();
      store.feeds.recordFailure(
        feed.id,
        error,
        now.toISOString(),
        nextPollAfterFailure(feed.consecutiveFailures + 1, now),
      );
      report.failed.push({ path: feed.url, error });
      log.warn({ feed: feed.url, error, failures: feed.consecutiveFailures + 1 }, 'feed poll failed');
    }
  });
  log.info(
    { feeds: due.length, new: report.new, updated: report.updated, failed: report.failed.length },
    'feeds polled',
  );
  return report;
}
