import { type TimelineEvent, timeline } from '../knowledge/index.ts';
import { log } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { Audience } from '../store/tenants.ts';
import { sanitizeOutput } from './sanitize.ts';

export interface KnowledgeHints {
  /** Actor names and event titles of the period: extra topic vocabulary. */
  terms: string[];
  /** Pairs of articles that report the same event: they belong to one story. */
  links: [number, number][];
}

function safeTimeline(
  store: Store,
  query: Parameters<typeof timeline>[1],
  audience: Audience,
): TimelineEvent[] {
  try {
    return timeline(store, query, audience).events;
  } catch (err) {
    // The knowledge layer is optional for summaries: without it, lexical signals do the work.
    log.debug({ err }, 'timeline unavailable; continuing without knowledge hints');
    return [];
  }
}

export function knowledgeHints(
  store: Store,
  since: string,
  until: string,
  audience: Audience,
): KnowledgeHints {
  const events = safeTimeline(
    store,
    { from: since.slice(0, 10), to: until.slice(0, 10), limit: 500 },
    audience,
  );
  const links: [number, number][] = [];
  for (const e of events) {
    const ids = e.sources.map((s) => s.articleId);
    for (let i = 1; i < ids.length; i++) links.push([ids[0]!, ids[i]!]);
  }
  return { terms: events.flatMap((e) => e.actors), links };
}

/** "What to watch": planned events from the timeline, from `until` on. */
export function watchList(
  store: Store,
  until: string,
  audience: Audience,
  limit = 5,
): { date: string; title: string }[] {
  return safeTimeline(store, { plannedOnly: true, from: until.slice(0, 10), limit }, audience).map((e) => ({
    date: e.date,
    title: sanitizeOutput(e.title),
  }));
}

/** Articles behind timeline events that match a topic (by actor, title or summary): a summary boost. */
export function eventArticles(store: Store, topic: string, audience: Audience): Set<number> {
  const events = safeTimeline(store, { query: topic, limit: 100 }, audience);
  return new Set(events.flatMap((e) => e.sources.map((s) => s.articleId)));
}
