import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { timeline, whois } from '../../src/knowledge/index.ts';
import { nameKey } from '../../src/knowledge/names.ts';
import type { TimelineEvent } from '../../src/knowledge/types.ts';
import type { Store } from '../../src/store/index.ts';

interface GoldEvent {
  what: string;
  date?: string;
  range?: [string, string];
  place?: string;
  actors?: string[];
  window?: [string, string];
  minSources?: number;
  /** A word the entry's title must have ("Statement"), when place and people are not enough. */
  titleHas?: string;
  /** The sentence names places that are not the venue: the entry must have none. */
  placeless?: boolean;
}

export interface Gold {
  people: { name: string; roles: string[] }[];
  organisations: string[];
  notActors: string[];
  events: GoldEvent[];
}

export const readGold = (file: string): Gold =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, 'gold', file), 'utf8')) as Gold;

const shift = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export interface Scores {
  peopleFound: number;
  roleRight: number;
  currentRoleRight: number;
  personPrecision: number;
  furnitureActors: string[];
  organisationsFound: number;
  eventsFound: number;
  eventsRightDate: number;
  eventsOneEntry: number;
  eventsAllSources: number;
  /** Timeline entries that are one of the gold events (the rest are real but minor, or noise). */
  eventPrecision: number;
  /** The counts behind eventPrecision: entries that are gold events, and all entries. */
  entriesGold: number;
  entries: number;
  /** Gold events with a venue (or none) found whose entry has that place (or none), over those found. */
  placeRight: number;
  misses: string[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Precision/recall of the store's knowledge against a gold file. */
export function score(store: Store, gold: Gold): Scores {
  const misses: string[] = [];
  let found = 0;
  let roleRight = 0;
  let currentRight = 0;
  for (const p of gold.people) {
    const a = whois(store, p.name).actor;
    if (a?.kind !== 'person' || nameKey(a.name) !== nameKey(p.name)) {
      misses.push(`person ${p.name}`);
      continue;
    }
    found++;
    const fits = (role: string | null) => !!role && p.roles.some((r) => role.toLowerCase().includes(r));
    if (a.roles.some((r) => fits(r.role))) roleRight++;
    else misses.push(`role of ${p.name}: ${a.roles.map((r) => r.role).join(' / ') || 'none'}`);
    if (fits(a.role)) currentRight++;
  }
  const goldKeys = new Set(gold.people.map((p) => nameKey(p.name)));
  const persons = store.knowledge.database
    .prepare("SELECT name FROM actors WHERE kind = 'person'")
    .pluck()
    .all() as string[];
  const extra = persons.filter((n) => !goldKeys.has(nameKey(n)));
  if (extra.length) misses.push(`extra people: ${extra.join(', ')}`);

  const furnitureActors = gold.notActors.filter((n) => whois(store, n).actor !== null);
  const organisationsFound = gold.organisations.filter(
    (o) => whois(store, o).actor?.kind === 'organisation',
  ).length;

  const events = timeline(store, { from: '1900-01-01', limit: 500 }).events;
  let evFound = 0;
  let evDate = 0;
  let evOne = 0;
  let evSources = 0;
  const matched = new Set<number>();
  let placeChecked = 0;
  let placeRight = 0;
  for (const g of gold.events) {
    const day = g.date ?? g.range![0];
    const [wFrom, wTo] = g.window ?? [shift(day, -10), shift(g.date ?? g.range![1], 10)];
    const anyPlace = events.filter(
      (e: TimelineEvent) =>
        (g.actors ?? []).every((a) => e.actors.includes(a)) &&
        (!g.titleHas || e.title.includes(g.titleHas)) &&
        e.date <= wTo &&
        (e.endDate ?? e.date) >= wFrom,
    );
    const matches = anyPlace.filter((e) => !g.place || e.place === g.place);
    if ((g.place || g.placeless) && anyPlace.length) {
      placeChecked++;
      const want = g.place ?? null;
      if (anyPlace.some((e) => e.place === want)) placeRight++;
      else
        misses.push(
          `place of ${g.what}: ${anyPlace.map((e) => e.place ?? 'none').join(', ')}, gold ${want ?? 'none'}`,
        );
    }
    if (!matches.length) {
      misses.push(`event ${g.what}`);
      continue;
    }
    evFound++;
    for (const e of matches) matched.add(e.id);
    if (matches.length === 1) evOne++;
    else
      misses.push(
        `event ${g.what}: ${matches.length} entries: ${matches.map((e) => `${e.date} ${e.title}`).join(' | ')}`,
      );
    const right = matches.some((e) =>
      g.date
        ? e.date <= g.date && (e.endDate ?? e.date) >= g.date
        : e.date >= g.range![0] && (e.endDate ?? e.date) <= g.range![1],
    );
    if (right) evDate++;
    else misses.push(`event ${g.what}: dated ${matches.map((e) => `${e.date}..${e.endDate}`).join(', ')}`);
    if (matches.some((e) => e.sources.length >= (g.minSources ?? 1))) evSources++;
    else misses.push(`event ${g.what}: ${matches[0]!.sources.length} sources`);
  }
  return {
    peopleFound: ratio(found, gold.people.length),
    roleRight: ratio(roleRight, found),
    currentRoleRight: ratio(currentRight, found),
    personPrecision: ratio(persons.length - extra.length, persons.length),
    furnitureActors,
    organisationsFound: ratio(organisationsFound, gold.organisations.length),
    eventsFound: ratio(evFound, gold.events.length),
    eventsRightDate: ratio(evDate, gold.events.length),
    eventsOneEntry: ratio(evOne, evFound),
    eventsAllSources: ratio(evSources, evFound),
    eventPrecision: ratio(matched.size, events.length),
    entriesGold: matched.size,
    placeRight: ratio(placeRight, placeChecked),
    entries: events.length,
    misses,
  };
}

export const percent = (x: number) => `${(x * 100).toFixed(0)}%`;
