import { type Config, llmConfigured } from '../config.ts';
import type { ArticleRow, Store } from '../store/index.ts';
import { OPERATOR_AUDIENCE } from '../store/tenants.ts';
import { watchList } from './knowledge-hints.ts';
import { composeWithLlm } from './llm-compose.ts';
import { digestPeriod, type Period } from './period.ts';
import { type Prepared, prepare } from './pipeline.ts';
import { sanitizeOutput } from './sanitize.ts';
import { citeAll } from './sources.ts';
import { clip } from './text.ts';
import type { DigestOptions, DigestResult } from './types.ts';

export const EXTRACTIVE_NOTE = 'extractive mode: no LLM configured (set OPENAI_API_KEY or OPENAI_BASE_URL)';
const MAX_ITEMS = 7;

function loadRows(store: Store, period: Period): ArticleRow[] {
  if (period.basis === 'new-store') return store.articles.list({ includeDuplicates: true });
  const dated = store.articles.list({ since: period.since, until: period.until, includeDuplicates: true });
  const undated = store.articles.getMany(store.summaries.undatedIngestedSince(period.since));
  return [...dated, ...undated.filter((r) => r.status === 'active')];
}

function headlineOf(prepared: Prepared, topic: string): string {
  const top = prepared.stories.find((s) => prepared.items.some((i) => i.storyId === s.id));
  if (!top) return `No new developments on ${topic}`;
  const titled = [...top.articles].sort((a, b) => b.relevance - a.relevance).map((a) => a.row.title);
  // A title the ingester had to cut from a first sentence ends in an ellipsis: a real headline reads better.
  const title = titled.find(
    (t) => !t.endsWith('…') && t.split(/\s+/).length >= 4 && t.split(/\s+/).length <= 24,
  );
  const first = prepared.items.find((i) => i.storyId === top.id)!;
  return sanitizeOutput(clip(title ?? first.text, 160));
}

/** The extractive digest: also the fallback whenever the LLM path fails. */
export function extractiveDigest(
  store: Store,
  prepared: Prepared,
  period: Period,
  topic: string,
  note: string,
): DigestResult {
  return {
    mode: 'extractive',
    note,
    since: period.since,
    until: period.until,
    headline: headlineOf(prepared, topic),
    items: prepared.items.map((item) => ({
      text: sanitizeOutput(item.text),
      sources: citeAll(store, item.articleIds, prepared.rows),
    })),
    watch: watchList(store, period.until),
    promptVersion: null,
    topic,
    leftOut: prepared.leftOut,
    fingerprints: prepared.items.map((i) => i.fingerprint),
  };
}

/** On a new store the period starts at its oldest article, not at the epoch. */
function tightenPeriod(period: Period, rows: ArticleRow[]): Period {
  if (period.basis !== 'new-store' || rows.length === 0) return period;
  const dates = rows.map((r) => r.published ?? r.ingestedAt).sort();
  return { ...period, since: dates[0]! };
}

export async function composeDigest(
  store: Store,
  config: Config,
  options: DigestOptions = {},
): Promise<DigestResult> {
  const audience = options.audience ?? OPERATOR_AUDIENCE;
  const requested = digestPeriod(store, options);
  const rows = loadRows(store, requested);
  const period = tightenPeriod(requested, rows);
  const topic = config.DIGEST_TOPIC;
  const prepared = prepare(store, rows, {
    topic,
    since: period.since,
    until: period.until,
    maxItems: MAX_ITEMS,
    novelty: true,
    audience,
  });
  if (!llmConfigured(config) || prepared.items.length === 0) {
    const note = llmConfigured(config) ? 'nothing new to summarise in this period' : EXTRACTIVE_NOTE;
    return extractiveDigest(store, prepared, period, topic, note);
  }
  return composeWithLlm(store, config, prepared, period, topic, audience);
}
