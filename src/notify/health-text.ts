import { makeReply, type Reply } from '../core/reply.ts';
import type { FeedRow } from '../store/feeds.ts';
import { tenantPlatform } from '../store/tenants.ts';
import { plainFeedError } from './plain-error.ts';
import { redactUrl } from './redact-url.ts';

function formatInstant(iso: string | null): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return 'an unknown time';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** How this tenant's admin removes the subscription, in its own platform's syntax. */
function removeCommand(tenantId: string, subscriptionId: number): string {
  switch (tenantPlatform(tenantId)) {
    case 'discord':
      return `/feeds remove feed:${subscriptionId}`;
    case 'slack':
      return `/feeds remove ${subscriptionId}`;
    default:
      return `newsdesk feeds remove ${subscriptionId}`;
  }
}

const nameOf = (feed: FeedRow): string => `${feed.title?.trim() || 'A feed'} (${redactUrl(feed.url)})`;

/** The one message of a failure run: which feed, since when, the last error in plain words, what to do. */
export function failingReply(tenantId: string, subscriptionId: number, feed: FeedRow): Reply {
  const since = feed.lastSuccess
    ? `since ${formatInstant(feed.lastSuccess)}, its last successful fetch`
    : `since it was added on ${formatInstant(feed.addedAt)}`;
  return makeReply({
    title: `Feed failing: ${feed.title?.trim() || redactUrl(feed.url)}`,
    blocks: [
      {
        type: 'paragraph',
        text: `${nameOf(feed)} has failed ${feed.consecutiveFailures} polls in a row, ${since}.`,
      },
      { type: 'paragraph', text: `Last error: ${plainFeedError(feed.lastError)}.` },
      {
        type: 'paragraph',
        text: `newsdesk keeps trying, less often while it fails (next try ${formatInstant(feed.nextPoll)}), and says so here when it works again. If the feed has moved or ended, an admin can stop following it with ${removeCommand(tenantId, subscriptionId)}.`,
      },
    ],
    ephemeral: false,
  });
}

/** The one message when a feed that was reported failing works again. */
export function recoveredReply(feed: FeedRow, failingSince: string): Reply {
  const since =
    failingSince === NEVER
      ? ''
      : ` after failing since ${formatInstant(failingSince)} (its last successful fetch before)`;
  return makeReply({
    title: `Feed working again: ${feed.title?.trim() || redactUrl(feed.url)}`,
    blocks: [
      {
        type: 'paragraph',
        text: `${nameOf(feed)} was fetched again at ${formatInstant(feed.lastSuccess)}${since}. Its new items come as before.`,
      },
    ],
    ephemeral: false,
  });
}

/** The run of a feed that never worked. */
export const NEVER = 'never';
