import type { ArticleRow, Store } from '../store/index.ts';
import { type Audience, OPERATOR_AUDIENCE } from '../store/tenants.ts';
import { type Analysis, analyse } from './corpus.ts';
import { knowledgeHints } from './knowledge-hints.ts';
import { type ExtractiveItem, selectItems } from './select.ts';
import { clusterStories, rankStories, type Story } from './stories.ts';
import type { LeftOutArticle } from './types.ts';

export interface Prepared {
  analysis: Analysis;
  stories: Story[];
  items: ExtractiveItem[];
  leftOut: LeftOutArticle[];
  /** Every row in scope, duplicates included, by id: citations come from here. */
  rows: Map<number, ArticleRow>;
  /** Whom it is for: the knowledge it may draw on and the reported items it skips. */
  audience: Audience;
}

export interface PrepareOptions {
  topic: string;
  since: string;
  until: string;
  maxItems: number;
  /** Stemmed words at least one of which every selected sentence must contain (on-demand topics). */
  focus?: string[];
  /** Accept sentences with any focus word (else short topics need all of them). */
  focusAny?: boolean;
  /** Skip what earlier posted digests already reported. */
  novelty: boolean;
  /** Whom it is for: its knowledge hints and the reported items novelty skips (default: the operator). */
  audience?: Audience;
}

/** Shared by digests and summaries: filter, cluster, rank and select, all extractively. */
export function prepare(store: Store, rows: ArticleRow[], options: PrepareOptions): Prepared {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const leftOut: LeftOutArticle[] = [];
  const originals: ArticleRow[] = [];
  const copies = new Map<number, number[]>();
  for (const row of rows) {
    if (row.duplicateOf != null && byId.has(row.duplicateOf)) {
      leftOut.push({
        articleId: row.id,
        title: row.title,
        reason: `near-duplicate of article ${row.duplicateOf}`,
      });
      copies.set(row.duplicateOf, [...(copies.get(row.duplicateOf) ?? []), row.id]);
    } else originals.push(row);
  }
  const audience = options.audience ?? OPERATOR_AUDIENCE;
  const hints = knowledgeHints(store, options.since, options.until, audience);
  const analysis = analyse(originals, options.topic, hints.terms, {
    focus: options.focus,
    focusAny: options.focusAny,
  });
  leftOut.push(...analysis.leftOut);
  const reported = options.novelty ? store.summaries.reportedItems(audience.tenantId) : [];
  const reportedIds = new Set(reported.flatMap((r) => r.articleIds));
  const fingerprints = reported.map((r) => r.fingerprint);
  const stories = rankStories(
    clusterStories(analysis.articles, hints.links),
    new Date(options.until),
    reportedIds,
    fingerprints,
  );
  const items = selectItems(stories, fingerprints, options.maxItems).map((item) => ({
    ...item,
    articleIds: item.articleIds.flatMap((id) => [id, ...(copies.get(id) ?? [])]),
  }));
  const used = new Set(items.flatMap((i) => i.articleIds));
  for (const story of stories) {
    for (const a of story.articles) {
      if (used.has(a.row.id) || items.some((i) => i.storyId === story.id)) continue;
      const reason = reportedIds.has(a.row.id)
        ? 'already reported in an earlier digest, nothing new'
        : 'ranked below the stories that made the cut';
      leftOut.push({ articleId: a.row.id, title: a.row.title, reason });
    }
  }
  return { analysis, stories, items, leftOut, rows: byId, audience };
}
