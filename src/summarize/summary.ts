import { type Config, llmConfigured } from '../config.ts';
import type { ArticleRow, Store } from '../store/index.ts';
import { type Audience, OPERATOR_AUDIENCE } from '../store/tenants.ts';
import { EXTRACTIVE_NOTE, extractiveSummary } from './extractive.ts';
import { eventArticles } from './knowledge-hints.ts';
import { prepare } from './pipeline.ts';
import { sanitizeOutput } from './sanitize.ts';
import { terms } from './text.ts';
import type { SummaryResult } from './types.ts';

export const DEFAULT_DAYS = 30;
const MAX_ITEMS = 6;
const MAX_ARTICLES = 40;

export interface SummaryOptions {
  topic?: string;
  days?: number;
  now?: Date;
  /**
   * The period is a default, not the asker's choice: when nothing in it is about the topic but older
   * articles are, summarise those (and say so) rather than answer with nothing.
   */
  widen?: boolean;
  /** Whom it is for: only the articles and knowledge its tenant may see (default: the operator). */
  audience?: Audience;
}

/** How far back a widened summary may look. */
const WIDEST_DAYS = 36_500;
const DAY_MS = 86_400_000;

/**
 * The articles for a summary: BM25 matches for the topic (or everything recent), boosted by recency
 * and by the knowledge layer (articles behind timeline events whose actors or titles match the topic).
 * "Recent" counts back from the newest publication date, so a store whose feeds went quiet still answers.
 */
function retrieve(
  store: Store,
  audience: Audience,
  topic: string | undefined,
  days: number,
  end: number,
): ArticleRow[] {
  const since = new Date(end - days * DAY_MS).toISOString();
  const inWindow = (r: ArticleRow) => r.published === null || r.published >= since;
  if (!topic) return store.articles.list({ since, limit: MAX_ARTICLES * 5, audience });
  const fromEvents = eventArticles(store, topic, audience);
  const hits = store.articles.search(topic, { limit: MAX_ARTICLES * 5, audience });
  const worstScore = Math.max(0, ...hits.map((h) => h.score));
  for (const id of fromEvents) if (!hits.some((h) => h.id === id)) hits.push({ id, score: worstScore });
  const rows = new Map(store.articles.getMany(hits.map((h) => h.id)).map((r) => [r.id, r]));
  const worst = Math.max(1e-9, ...hits.map((h) => -h.score));
  return hits
    .map((h) => ({ row: rows.get(h.id), score: -h.score / worst }))
    .filter(
      (x): x is { row: ArticleRow; score: number } => !!x.row && x.row.duplicateOf == null && inWindow(x.row),
    )
    .map((x) => {
      const age = (end - dateOf(x.row)) / DAY_MS;
      const recency = 0.3 * Math.exp(-Math.max(0, age) / Math.max(1, days / 2));
      return { ...x, score: x.score + recency + (fromEvents.has(x.row.id) ? 0.3 : 0) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_ARTICLES)
    .map((x) => x.row);
}

/** Where "the last N days" end: now, or the newest article's date when the store has gone quiet. */
function windowEnd(store: Store, audience: Audience, now: Date): number {
  const newest = store.articles.list({ limit: 1, audience })[0]?.published;
  return Math.min(now.getTime(), newest ? Date.parse(newest) : now.getTime());
}

const dateOf = (row: ArticleRow): number => Date.parse(row.published ?? row.ingestedAt);

/**
 * The topic's latest matching articles when none falls in the asked-for period, with the period that
 * covers them; undefined when nothing older matches either.
 */
function widened(store: Store, audience: Audience, topic: string, days: number, end: number) {
  const rows = retrieve(store, audience, topic, WIDEST_DAYS, end);
  if (!rows.length) return undefined;
  const dates = rows.map(dateOf);
  const oldest = Math.min(...dates);
  const span = Math.max(days + 1, Math.ceil((end - oldest) / DAY_MS));
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { rows, days: span, period: { since: day(oldest), until: day(Math.max(...dates)) } };
}

export async function summarize(
  store: Store,
  config: Config,
  options: SummaryOptions,
): Promise<SummaryResult> {
  const topic = options.topic?.trim() ? options.topic.trim() : undefined;
  const asked = options.days ?? DEFAULT_DAYS;
  const now = options.now ?? new Date();
  const shownTopic = topic ? sanitizeOutput(topic) : null;
  const audience = options.audience ?? OPERATOR_AUDIENCE;
  const end = windowEnd(store, audience, now);
  let days = asked;
  let rows = retrieve(store, audience, topic, days, end);
  let widenNote: string | null = null;
  const wider =
    rows.length === 0 && topic && options.widen ? widened(store, audience, topic, days, end) : undefined;
  if (wider) {
    ({ rows, days } = wider);
    // The span itself is the reply's period (result.period), shown beside the note.
    widenNote = `Nothing about "${shownTopic}" in the last ${asked} days of the store: these are the latest articles that match.`;
  }
  const result = await summarizeRows(store, config, { topic, shownTopic, days, now, rows, audience });
  if (widenNote) result.note = result.note ? `${widenNote} ${result.note}` : widenNote;
  if (wider) result.period = wider.period;
  return result;
}

async function summarizeRows(
  store: Store,
  config: Config,
  {
    topic,
    shownTopic,
    days,
    now,
    rows,
    audience,
  }: {
    topic?: string;
    shownTopic: string | null;
    days: number;
    now: Date;
    rows: ArticleRow[];
    audience: Audience;
  },
): Promise<SummaryResult> {
  if (rows.length === 0) {
    // The window counts back from the newest article: say when older articles would answer.
    const older = topic !== undefined && store.articles.search(topic, { limit: 1, audience }).length > 0;
    const hint = older ? ' Older articles match: ask for more days.' : '';
    const note = topic
      ? `No articles about "${shownTopic}" in the last ${days} days of the store.${hint}`
      : `No articles in the last ${days} days of the store.`;
    return { mode: 'extractive', note, topic: shownTopic, days, items: [], promptVersion: null, leftOut: [] };
  }
  const scope = {
    topic: topic ? `${topic}; ${config.DIGEST_TOPIC}` : config.DIGEST_TOPIC,
    since: new Date(0).toISOString(),
    until: now.toISOString(),
    maxItems: MAX_ITEMS,
    focus: topic ? [...new Set(terms(topic))] : undefined,
    novelty: false,
    audience,
  };
  let prepared = prepare(store, rows, scope);
  // Too strict for this store: accept sentences with any word of the topic.
  if (topic && prepared.items.length < 3) prepared = prepare(store, rows, { ...scope, focusAny: true });
  if (prepared.items.length === 0) {
    const note = topic
      ? `Articles mention "${shownTopic}", but none of their sentences is on topic enough to summarise.`
      : 'Nothing on topic to summarise.';
    return { ...extractiveSummary(store, prepared, shownTopic, days, note), note };
  }
  if (!llmConfigured(config)) return extractiveSummary(store, prepared, shownTopic, days, EXTRACTIVE_NOTE);
  const { summarizeWithLlm } = await import('./llm-compose.ts');
  return summarizeWithLlm(store, config, prepared, shownTopic, days);
}
