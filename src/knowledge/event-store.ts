import type { EventRow, KnowledgeRepo } from '../store/knowledge.ts';
import type { LocalEvent } from './analyze.ts';
import { addDays, daysBetween } from './calendar.ts';
import { type EventType, eventFamily, eventTitle, samePlace } from './events.ts';

const PRECISION_RANK: Record<string, number> = { day: 0, range: 1, month: 2, year: 3 };

/** What a report shares with a stored event, as evidence they are one: place, people, other actors, kind. */
interface Report {
  e: LocalEvent;
  people: number[];
  /** Names of the organisations and countries taking part. */
  others: Set<string>;
}

function score(r: Report, c: Candidate): number {
  const { e } = r;
  if (e.place && c.place && !samePlace(e.place, c.place)) return -1;
  let s = e.place && c.place ? 2 : 0;
  s += Math.min(3, r.people.filter((p) => c.people.includes(p)).length);
  s += Math.min(2, [...c.others].filter((n) => r.others.has(n)).length);
  // Meetings, talks and visits share words; for other kinds (a resignation, a statement) the kind counts.
  if (e.family !== 'meeting' && e.type === c.type) s += 1;
  return s;
}

type Candidate = EventRow & { people: number[]; others: Set<string>; sameArticle: boolean };

function candidates(repo: KnowledgeRepo, family: string, from: string, to: string, articleId: number) {
  const rows = repo.eventCandidates(family, from, to);
  const names = repo.eventActorNames(rows.map((c) => c.id));
  return rows.map((c) => ({
    ...c,
    others: new Set((names.get(c.id) ?? []).filter((n) => n.kind !== 'person').map((n) => n.name)),
    sameArticle: repo.eventReports(c.id).some((r) => r.articleId === articleId),
  }));
}

/**
 * The stored event this report is about, if any: same family, overlapping dates, same place or
 * people (organisations and countries count too). Within one article, two reports of one kind on one
 * day are one event.
 */
export function findSameEvent(
  repo: KnowledgeRepo,
  e: LocalEvent,
  actorIds: number[],
  articleId: number,
): number | null {
  const people = actorIds.filter((id) => repo.actor(id)?.kind === 'person');
  const others = new Set(
    actorIds
      .map((id) => repo.actor(id))
      .filter((a) => a && a.kind !== 'person')
      .map((a) => a!.name),
  );
  const report: Report = { e, people, others };
  const start = e.date?.date ?? e.window!.from;
  const end = e.date ? (e.date.endDate ?? e.date.date) : e.window!.to;
  const wide = e.date ? PRECISION_RANK[e.date.precision]! >= 2 : false;
  let best: { id: number; exact: boolean; score: number; distance: number } | null = null;
  for (const c of candidates(repo, e.family, addDays(start, -1), addDays(end, 1), articleId)) {
    const cEnd = c.endDate ?? c.date;
    // Two exact days must agree, unless one of them was computed from an estimated publication date.
    const bothDays = e.date?.precision === 'day' && c.precision === 'day';
    const slack = bothDays && (e.uncertain || c.uncertain);
    if (!slack && (c.date > end || cEnd < start)) continue;
    const s = score(report, c);
    if (!e.date && e.place !== c.place) continue;
    const needed =
      bothDays && c.sameArticle
        ? 0
        : e.family === 'meeting' && (wide || PRECISION_RANK[c.precision]! >= 2)
          ? 3
          : 2;
    if (s < needed) continue;
    const distance = Math.abs(daysBetween(start, c.date));
    // Two reports of one exact day beat a match against a month or a year, whatever it shares.
    const closer =
      best &&
      (bothDays !== best.exact ? bothDays : s > best.score || (s === best.score && distance < best.distance));
    if (!best || closer) best = { id: c.id, exact: bothDays, score: s, distance };
  }
  return best?.id ?? null;
}

/**
 * Re-derives an event from all the articles that report it: the most certain and precise date wins,
 * and it stays planned only while every report speaks of it as still to come.
 */
export function recomputeEvent(repo: KnowledgeRepo, id: number): void {
  const reports = repo.eventReports(id);
  const dated = reports.filter((r) => r.date && r.precision);
  if (!dated.length) {
    repo.deleteEvent(id);
    return;
  }
  const width = (r: (typeof dated)[number]) => daysBetween(r.date!, r.endDate ?? r.date!);
  const best = [...dated].sort(
    (a, b) =>
      Number(a.uncertain) - Number(b.uncertain) ||
      PRECISION_RANK[a.precision!]! - PRECISION_RANK[b.precision!]! ||
      width(a) - width(b),
  )[0]!;
  const place = best.place ?? reports.find((r) => r.place)?.place ?? null;
  const names = repo.eventActorNames([id]).get(id) ?? [];
  const people = names.filter((n) => n.kind === 'person').map((n) => n.name);
  const who = people.length ? people : names.filter((n) => n.kind === 'organisation').map((n) => n.name);
  const type = (best.type !== 'statement' ? best : (dated.find((r) => r.type !== 'statement') ?? best))
    .type as EventType;
  repo.updateEvent(id, {
    type,
    family: eventFamily(type),
    date: best.date!,
    endDate: best.endDate,
    precision: best.precision as EventRow['precision'],
    uncertain: dated.every((r) => r.uncertain),
    planned: dated.every((r) => r.planned),
    title: eventTitle(type, place, who),
    summary: summarise(best.sentence),
    place,
  });
}

function summarise(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  return s.length <= 300 ? s : `${s.slice(0, 297).replace(/\s+\S*$/, '')}…`;
}
