import { UserError } from '../core/errors.ts';
import { ftsQuery } from '../store/fts.ts';
import type { Store } from '../store/index.ts';
import type { Audience } from '../store/tenants.ts';
import { toSource } from './sources.ts';
import type { TimelineQuery, TimelineResult } from './types.ts';
import { lookupActors } from './whois.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Accepts YYYY-MM-DD, YYYY-MM or YYYY; `end` picks the last day of a month or year. */
export function parseQueryDate(value: string, end: boolean): string {
  const v = value.trim();
  if (DAY.test(v) && !Number.isNaN(Date.parse(v))) return v;
  if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number) as [number, number];
    if (m >= 1 && m <= 12) return end ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) : `${v}-01`;
  }
  if (/^\d{4}$/.test(v)) return end ? `${v}-12-31` : `${v}-01-01`;
  throw new UserError(`not a date: "${value}" (use YYYY-MM-DD, YYYY-MM or YYYY)`);
}

export function timelineQuery(store: Store, q: TimelineQuery, audience?: Audience): TimelineResult {
  const repo = store.knowledgeFor(audience);
  let actorId: number | undefined;
  if (q.actor) {
    const found = lookupActors(store, q.actor, audience);
    if (found.length === 0) throw new UserError(`no actor named "${q.actor}"`);
    if (found.length > 1) {
      throw new UserError(
        `"${q.actor}" is ambiguous: ${found
          .slice(0, 5)
          .map((a) => a.name)
          .join(', ')}`,
      );
    }
    actorId = found[0]!.id;
  }
  const from = q.from ? parseQueryDate(q.from, false) : undefined;
  const to = q.to ? parseQueryDate(q.to, true) : undefined;
  const match = q.query ? ftsQuery(q.query, 'all') : undefined;
  if (q.query && !match) return { events: [] };
  const limit = Math.max(1, Math.min(q.limit ?? 50, 500));
  const rows = repo.timeline({
    actorId,
    from,
    to,
    match,
    plannedOnly: q.plannedOnly,
    limit,
    offset: q.offset ?? 0,
    latest: !from,
  });
  if (!from) rows.reverse();
  const ids = rows.map((r) => r.id);
  const actors = repo.eventActorNames(ids);
  const sources = repo.eventSources(ids);
  return {
    events: rows.map((r) => ({
      id: r.id,
      date: r.date,
      endDate: r.endDate,
      precision: r.precision,
      uncertain: r.uncertain,
      planned: r.planned,
      title: r.title,
      summary: r.summary,
      actors: (actors.get(r.id) ?? []).map((a) => a.name),
      place: r.place,
      sources: (sources.get(r.id) ?? []).map(toSource),
    })),
  };
}
