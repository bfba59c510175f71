import type { Store } from '../store/index.ts';
import { watchList } from './knowledge-hints.ts';
import type { Period } from './period.ts';
import type { Prepared } from './pipeline.ts';
import { sanitizeOutput } from './sanitize.ts';
import { citeAll } from './sources.ts';
import { clip } from './text.ts';
import type { DigestResult, SummaryResult } from './types.ts';

// The answers without an LLM, which are also what the LLM path falls back to: kept apart from both
// callers so that the LLM path and the plain path do not import each other.

export const EXTRACTIVE_NOTE = 'extractive mode: no LLM configured (set OPENAI_API_KEY or OPENAI_BASE_URL)';
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
    watch: watchList(store, period.until, prepared.audience),
    promptVersion: null,
    topic,
    leftOut: prepared.leftOut,
    fingerprints: prepared.items.map((i) => i.fingerprint),
  };
}

/** The extractive summary: also the fallback whenever the LLM path fails. */
export function extractiveSummary(
  store: Store,
  prepared: Prepared,
  topic: string | null,
  days: number,
  note: string | null,
): SummaryResult {
  return {
    mode: 'extractive',
    note,
    topic,
    days,
    items: prepared.items.map((item) => ({
      text: sanitizeOutput(item.text),
      sources: citeAll(store, item.articleIds, prepared.rows),
    })),
    promptVersion: null,
    leftOut: prepared.leftOut,
  };
}
