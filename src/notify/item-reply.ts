import type { Reply, SourceRef } from '../core/reply.ts';
import { makeReply } from '../core/reply.ts';
import type { PendingItem } from '../store/item-posts.ts';
import { clip } from '../summarize/text.ts';
import { oneLineSummary } from './one-line.ts';

const TITLE_CHARS = 200;
/** How much of an article's start its one-line summary is looked for in. */
const LEAD_CHARS = 2000;

/** The outlet a reader knows the article by: the article's own, else its feed's, else the site's host. */
function outletOf(item: PendingItem): string | null {
  if (item.source?.trim()) return item.source.trim();
  if (item.feedTitle?.trim()) return item.feedTitle.trim();
  try {
    return item.url ? new URL(item.url).hostname : null;
  } catch {
    return null;
  }
}

const titleOf = (item: PendingItem): string =>
  clip(item.title.replace(/\s+/g, ' ').trim() || '(untitled)', TITLE_CHARS);

/** The stored article as a citation: its link comes from the store, never from the text. */
const refOf = (item: PendingItem): SourceRef => ({
  articleId: item.articleId,
  title: titleOf(item),
  ...(item.url ? { url: item.url } : {}),
  ...(outletOf(item) ? { source: outletOf(item) } : {}),
});

/**
 * One new article as a public post: its title, a one-line summary with a link to it under its
 * outlet's name. makeReply neutralises every mention the article's text might carry.
 */
export function itemReply(item: PendingItem): Reply {
  const title = titleOf(item);
  const summary = oneLineSummary(title, item.text.slice(0, LEAD_CHARS));
  return makeReply({
    title,
    blocks: [{ type: 'list', items: [{ text: summary || title, sources: [refOf(item)] }] }],
    ephemeral: false,
  });
}

/** The rest of a poll's new articles for one channel in one message: a linked line each. */
export function foldReply(items: PendingItem[]): Reply {
  return makeReply({
    title: `…and ${items.length} more new ${items.length === 1 ? 'article' : 'articles'}`,
    blocks: [{ type: 'list', items: items.map((item) => ({ text: titleOf(item), sources: [refOf(item)] })) }],
    ephemeral: false,
  });
}
