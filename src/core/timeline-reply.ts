import type { TimelineEvent, TimelineQuery } from '../knowledge/types.ts';
import { toSourceRef } from './citations.ts';
import { makeReply, type Reply } from './reply.ts';

export const TIMELINE_PAGE_SIZE = 8;

function eventLine(e: TimelineEvent): string {
  const when = e.endDate && e.endDate !== e.date ? `${e.date} – ${e.endDate}` : e.date;
  const flags = [e.planned ? 'planned' : '', e.uncertain ? 'date uncertain' : ''].filter(Boolean);
  const head = `${when}${flags.length ? ` (${flags.join(', ')})` : ''}: ${e.title}`;
  const where = e.place ? ` [${e.place}]` : '';
  return e.summary && e.summary !== e.title ? `${head}${where}. ${e.summary}` : `${head}${where}`;
}

function describe(query: TimelineQuery): string {
  const parts = [
    query.actor ? `actor ${query.actor}` : '',
    query.from ? `from ${query.from}` : '',
    query.to ? `to ${query.to}` : '',
    query.query ? `matching “${query.query}”` : '',
  ].filter(Boolean);
  return parts.length ? `Timeline: ${parts.join(', ')}` : 'Timeline';
}

/** One page of events (each with its sources) and, when there are more, where the next pages are. */
export function timelineReply(events: TimelineEvent[], query: TimelineQuery, page: number): Reply {
  const pages = Math.max(1, Math.ceil(events.length / TIMELINE_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = events.slice(current * TIMELINE_PAGE_SIZE, (current + 1) * TIMELINE_PAGE_SIZE);
  const args: Record<string, string> = {};
  for (const key of ['actor', 'from', 'to', 'query'] as const) {
    const value = query[key];
    if (value) args[key] = value;
  }
  return makeReply({
    title: describe(query),
    blocks: [
      shown.length
        ? {
            type: 'list',
            items: shown.map((e) => ({ text: eventLine(e), sources: e.sources.map(toSourceRef) })),
          }
        : { type: 'paragraph', text: 'No events match.' },
      {
        type: 'footnote',
        text: `${events.length} event(s)${pages > 1 ? ` · page ${current + 1} of ${pages}` : ''}`,
      },
    ],
    ...(pages > 1 ? { pagination: { command: 'timeline', args, page: current, pages } } : {}),
  });
}
