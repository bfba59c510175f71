import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { buildEvidence } from './evidence.ts';
import { extractiveDigest, extractiveSummary } from './extractive.ts';
import { type GroundedItem, groundItems } from './grounding.ts';
import { watchList } from './knowledge-hints.ts';
import { digestAnswer, evidenceBudget, itemsAnswer, runTask } from './llm-task.ts';
import type { Period } from './period.ts';
import type { Prepared } from './pipeline.ts';
import { sanitizeOutput } from './sanitize.ts';
import { citeAll } from './sources.ts';
import { clip } from './text.ts';
import type { DigestResult, SummaryItem, SummaryResult } from './types.ts';
import { topTerms } from './vectors.ts';

const fallbackNote = (reason: string) => `LLM unavailable (${reason}): extractive result`;

function droppedNote(dropped: number, cached: boolean): string | null {
  const parts = [];
  if (dropped > 0) parts.push(`${dropped} statement(s) without a valid citation dropped`);
  if (cached) parts.push('cached answer');
  return parts.length ? parts.join('; ') : null;
}

function toItems(store: Store, prepared: Prepared, kept: GroundedItem[]): SummaryItem[] {
  return kept.map((k) => ({ text: k.text, sources: citeAll(store, k.articleIds, prepared.rows) }));
}

export async function composeWithLlm(
  store: Store,
  config: Config,
  prepared: Prepared,
  period: Period,
  topic: string,
): Promise<DigestResult> {
  const slots = {
    topic,
    since: period.since.slice(0, 10),
    until: period.until.slice(0, 10),
    minItems: 3,
    maxItems: 7,
  };
  const reported = store.summaries.reportedItems(prepared.audience.tenantId).map((r) => r.fingerprint);
  const passages = buildEvidence(prepared, evidenceBudget(config, 'digest', slots), reported);
  const run = await runTask(store, config, 'digest', slots, passages, digestAnswer);
  if (!run.outcome.ok)
    return extractiveDigest(store, prepared, period, topic, fallbackNote(run.outcome.reason));
  const { kept, dropped } = groundItems(run.outcome.value.items.slice(0, 7), passages);
  if (kept.length === 0) {
    return extractiveDigest(
      store,
      prepared,
      period,
      topic,
      fallbackNote('its answer cited no real evidence'),
    );
  }
  return {
    mode: 'llm',
    note: droppedNote(dropped, run.cached),
    since: period.since,
    until: period.until,
    headline: sanitizeOutput(clip(run.outcome.value.headline, 160)) || kept[0]!.text.slice(0, 120),
    items: toItems(store, prepared, kept),
    watch: watchList(store, period.until, prepared.audience),
    promptVersion: run.promptVersion,
    topic,
    leftOut: prepared.leftOut,
    fingerprints: kept.map((k) => topTerms(k.passages[0]!.sentence.vector, 8)),
  };
}

export async function summarizeWithLlm(
  store: Store,
  config: Config,
  prepared: Prepared,
  topic: string | null,
  days: number,
): Promise<SummaryResult> {
  const slots = { focus: config.DIGEST_TOPIC, topic: topic ?? 'the latest developments', days, maxItems: 6 };
  const passages = buildEvidence(prepared, evidenceBudget(config, 'summary', slots));
  const run = await runTask(store, config, 'summary', slots, passages, itemsAnswer);
  if (!run.outcome.ok)
    return extractiveSummary(store, prepared, topic, days, fallbackNote(run.outcome.reason));
  const { kept, dropped } = groundItems(run.outcome.value.items.slice(0, 6), passages);
  if (kept.length === 0) {
    return extractiveSummary(store, prepared, topic, days, fallbackNote('its answer cited no real evidence'));
  }
  return {
    mode: 'llm',
    note: droppedNote(dropped, run.cached),
    topic,
    days,
    items: toItems(store, prepared, kept),
    promptVersion: run.promptVersion,
    leftOut: prepared.leftOut,
  };
}
