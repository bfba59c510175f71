import { type Config, llmConfigured } from '../config.ts';
import type { ArticleRow, Store } from '../store/index.ts';
import { type Audience, OPERATOR_AUDIENCE } from '../store/tenants.ts';
import { EXTRACTIVE_NOTE, extractiveDigest } from './extractive.ts';
import { digestPeriod, type Period } from './period.ts';
import { prepare } from './pipeline.ts';
import type { DigestOptions, DigestResult } from './types.ts';

const MAX_ITEMS = 7;

function loadRows(store: Store, period: Period, audience: Audience): ArticleRow[] {
  if (period.basis === 'new-store') return store.articles.list({ includeDuplicates: true, audience });
  const dated = store.articles.list({
    since: period.since,
    until: period.until,
    includeDuplicates: true,
    audience,
  });
  const undated = store.articles.getMany(store.summaries.undatedIngestedSince(period.since, audience));
  return [...dated, ...undated.filter((r) => r.status === 'active')];
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
  const { filter } = options;
  const loaded = loadRows(store, requested, audience);
  const rows = filter ? loaded.filter((r) => filter.test(r)) : loaded;
  const period = tightenPeriod(requested, rows);
  const topic = options.topic ?? config.DIGEST_TOPIC;
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
  // The LLM path (and the openai client under it) loads only when an LLM is configured.
  const { composeWithLlm } = await import('./llm-compose.ts');
  return composeWithLlm(store, config, prepared, period, topic);
}
