import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { timeline, whois } from '../../src/knowledge/index.ts';
import type { TimelineEvent, WhoisActor } from '../../src/knowledge/types.ts';
import { countryOfCity } from '../../src/knowledge/vocab/city-countries.ts';
import type { Store } from '../../src/store/index.ts';

/** The gold format of ../shared/devset (its README): regexes are lowercase, applied case-insensitively. */
export interface DevsetGold {
  pub: Record<string, string>;
  actors: { query: string; names: string[]; role: string; country?: string; note?: string }[];
  all_people: string[];
  merge: { query: string; same_as: string }[];
  noise: string[];
  events: { id: string; date: string; tol: number; match: string }[];
  noise_regex: string;
}

export const readDevsetGold = (folder: string): DevsetGold =>
  JSON.parse(readFileSync(join(folder, 'gold.json'), 'utf8')) as DevsetGold;

/** Counts rather than ratios, so that the two folders (each ingested alone) add up. */
export interface DevsetCounts {
  articles: number;
  ingestFailed: number;
  pubRight: number;
  pubTotal: number;
  actorsTotal: number;
  found: number;
  roleRight: number;
  mergesTotal: number;
  merged: number;
  noiseActors: string[];
  personsReported: number;
  personsReal: number;
  eventsTotal: number;
  eventsRightDay: number;
  eventsOneEntry: number;
  furnitureEvents: string[];
  /** Timeline entries, entries with a place, and places that are a participant's own country or one of its cities. */
  entries: number;
  placesGiven: number;
  placesOfParticipant: string[];
  misses: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const fold = (s: string) => collapse(s).normalize('NFKD').replace(/\p{M}/gu, '').replace(/[‘’`]/g, "'");
const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
const iregex = (source: string) => new RegExp(source, 'i');

const shift = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const spanDays = (e: TimelineEvent) =>
  (Date.parse(`${e.endDate ?? e.date}T00:00:00Z`) - Date.parse(`${e.date}T00:00:00Z`)) / 86_400_000;

/** The text the README's `match` runs over: an event's title, summary, actors and place. */
const eventText = (e: TimelineEvent) => collapse([e.title, e.summary, ...e.actors, e.place ?? ''].join(' '));

function namesOf(actor: WhoisActor): string[] {
  return [actor.name, ...actor.aliases].map(fold);
}

function scorePublication(dbPath: string, gold: DevsetGold, c: DevsetCounts): void {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("SELECT path, published, published_estimated AS estimated FROM articles WHERE kind = 'file'")
      .all() as { path: string; published: string | null; estimated: number }[];
    c.articles += rows.length;
    const byFile = new Map(rows.map((r) => [basename(r.path), r]));
    for (const [file, day] of Object.entries(gold.pub)) {
      c.pubTotal++;
      const row = byFile.get(file);
      if (row && !row.estimated && row.published?.slice(0, 10) === day) c.pubRight++;
      else
        c.misses.push(
          `pub ${file}: ${row ? `${row.published ?? 'none'}${row.estimated ? ' (estimated)' : ''}` : 'not stored'}, gold ${day}`,
        );
    }
  } finally {
    db.close();
  }
}

function scoreActors(store: Store, gold: DevsetGold, c: DevsetCounts): void {
  for (const g of gold.actors) {
    c.actorsTotal++;
    const actor = whois(store, g.query).actor;
    const accepted = new Set(g.names.map(fold));
    if (!actor || !namesOf(actor).some((n) => accepted.has(n))) {
      c.misses.push(`actor ${g.query}: ${actor ? `answered ${actor.name} (${actor.kind})` : 'not found'}`);
      continue;
    }
    c.found++;
    const fields = [actor.role ?? '', actor.affiliation ?? '', ...actor.roles.map((r) => r.role)].map(
      collapse,
    );
    const role = iregex(g.role);
    const country = g.country ? iregex(g.country) : null;
    const roleOk = fields.some((f) => role.test(f));
    const countryOk = !country || fields.some((f) => country.test(f));
    if (roleOk && countryOk) c.roleRight++;
    else
      c.misses.push(
        `role of ${g.query}: role "${actor.role ?? ''}", affiliation "${actor.affiliation ?? ''}", roles [${actor.roles.map((r) => r.role).join(' / ')}]; gold /${g.role}/${g.country ? ` /${g.country}/` : ''}`,
      );
  }
  for (const m of gold.merge) {
    c.mergesTotal++;
    const a = whois(store, m.query).actor;
    const b = whois(store, m.same_as).actor;
    if (a && b && a.id === b.id) c.merged++;
    else c.misses.push(`merge ${m.query} = ${m.same_as}: ${a?.name ?? 'none'} / ${b?.name ?? 'none'}`);
  }
}

/** Every reported person and every actor name; read from the file so the test does not depend on repo internals. */
function reportedActors(dbPath: string): { persons: string[]; all: string[] } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const persons = db.prepare("SELECT name FROM actors WHERE kind = 'person'").pluck().all() as string[];
    const names = db.prepare('SELECT name FROM actors').pluck().all() as string[];
    const aliases = db.prepare('SELECT alias FROM actor_aliases').pluck().all() as string[];
    return { persons, all: [...names, ...aliases] };
  } finally {
    db.close();
  }
}

function scorePeople(dbPath: string, gold: DevsetGold, c: DevsetCounts): void {
  const { persons, all } = reportedActors(dbPath);
  const known = new Set(gold.all_people.flatMap(words));
  const invented: string[] = [];
  for (const name of persons) {
    const ws = words(name);
    // The README's rule: a reported person whose surname matches none of the texts' people is invented.
    const surname = ws[ws.length - 1];
    if (surname && known.has(surname)) c.personsReal++;
    else invented.push(name);
  }
  c.personsReported += persons.length;
  if (invented.length) c.misses.push(`invented people: ${invented.join(', ')}`);
  const reported = new Set(all.map(fold));
  for (const n of gold.noise) {
    if (reported.has(fold(n)) && !c.noiseActors.includes(n)) c.noiseActors.push(n);
  }
}

function scoreEvents(store: Store, gold: DevsetGold, c: DevsetCounts): void {
  const events = timeline(store, { from: '1900-01-01', limit: 1000 }).events;
  const furniture = iregex(gold.noise_regex);
  for (const e of events) {
    if (furniture.test(collapse(`${e.title} ${e.summary}`))) c.furnitureEvents.push(`${e.date} ${e.title}`);
  }
  for (const g of gold.events) {
    c.eventsTotal++;
    const match = iregex(g.match);
    const from = shift(g.date, -g.tol);
    const to = shift(g.date, g.tol);
    const covering = events.filter(
      (e) => spanDays(e) <= 10 && e.date <= to && (e.endDate ?? e.date) >= from && match.test(eventText(e)),
    );
    if (!covering.length) {
      const near = events.filter((e) => match.test(eventText(e))).map((e) => `${e.date} ${e.title}`);
      c.misses.push(
        `event ${g.id} (${g.date}): none; matching elsewhere: ${near.slice(0, 3).join(' | ') || '-'}`,
      );
      continue;
    }
    c.eventsRightDay++;
    if (covering.length === 1) c.eventsOneEntry++;
    else
      c.misses.push(
        `event ${g.id}: ${covering.length} entries: ${covering.map((e) => `${e.date} ${e.title}`).join(' | ')}`,
      );
  }
}

/**
 * The place check the dev set allows without gold on places: a place that is the country of one of
 * the entry's actors (a country taking part, a person's affiliation), or a city of it, is suspect —
 * the participant's home is often named for another reason than the venue ("envoy to X", "from X").
 */
export function scorePlaces(store: Store, c: DevsetCounts): void {
  const events = timeline(store, { from: '1900-01-01', limit: 1000 }).events;
  c.entries += events.length;
  const homes = new Map<string, string[]>();
  const homeOf = (name: string) => {
    if (!homes.has(name)) {
      const a = whois(store, name).actor;
      homes.set(name, [a?.kind === 'country' ? a.name : '', a?.affiliation ?? ''].filter(Boolean));
    }
    return homes.get(name)!;
  };
  for (const e of events) {
    if (!e.place) continue;
    c.placesGiven++;
    const own = new Set(e.actors.flatMap(homeOf));
    if (own.has(e.place) || own.has(countryOfCity(e.place) ?? ''))
      c.placesOfParticipant.push(`${e.date} ${e.title}`);
  }
}

export const emptyCounts = (): DevsetCounts => ({
  articles: 0,
  ingestFailed: 0,
  pubRight: 0,
  pubTotal: 0,
  actorsTotal: 0,
  found: 0,
  roleRight: 0,
  mergesTotal: 0,
  merged: 0,
  noiseActors: [],
  personsReported: 0,
  personsReal: 0,
  eventsTotal: 0,
  eventsRightDay: 0,
  eventsOneEntry: 0,
  furnitureEvents: [],
  entries: 0,
  placesGiven: 0,
  placesOfParticipant: [],
  misses: [],
});

/** Scores one devset folder's store against its gold, adding to `c`. */
export function scoreDevset(store: Store, gold: DevsetGold, c: DevsetCounts): void {
  scorePublication(store.path, gold, c);
  scoreActors(store, gold, c);
  scorePeople(store.path, gold, c);
  scoreEvents(store, gold, c);
  scorePlaces(store, c);
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export interface DevsetFigures {
  publicationRight: number;
  peopleFound: number;
  roleRight: number;
  merged: number;
  personPrecision: number;
  eventsRightDay: number;
  eventsOneEntry: number;
}

export const figures = (c: DevsetCounts): DevsetFigures => ({
  publicationRight: ratio(c.pubRight, c.pubTotal),
  peopleFound: ratio(c.found, c.actorsTotal),
  roleRight: ratio(c.roleRight, c.found),
  merged: ratio(c.merged, c.mergesTotal),
  personPrecision: ratio(c.personsReal, c.personsReported),
  eventsRightDay: ratio(c.eventsRightDay, c.eventsTotal),
  eventsOneEntry: ratio(c.eventsOneEntry, c.eventsRightDay),
});
