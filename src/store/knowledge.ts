import type { Database, Statement } from 'better-sqlite3';
import type { Precision } from '../knowledge/types.ts';
import { statementCache } from './statements.ts';

export type ActorKindRow = 'person' | 'organisation' | 'country' | 'place';

export interface ActorRow {
  id: number;
  name: string;
  kind: ActorKindRow;
  key: string;
  surnameKey: string | null;
  words: number;
  mentions: number;
  firstSeen: string | null;
  lastSeen: string | null;
  role: string | null;
  affiliation: string | null;
}

export interface RoleRow {
  role: string;
  roleKey: string;
  past: boolean;
  affiliation: string | null;
  date: string | null;
  articleId: number;
}

export interface SourceRow {
  articleId: number;
  title: string;
  url: string | null;
  path: string | null;
  /** The outlet. */
  source: string | null;
}

export interface EventRow {
  id: number;
  type: string;
  family: string;
  date: string;
  endDate: string | null;
  precision: Precision;
  uncertain: boolean;
  planned: boolean;
  title: string;
  summary: string;
  place: string | null;
}

export interface EventInput extends Omit<EventRow, 'id'> {}

export interface EventSourceInput {
  eventId: number;
  articleId: number;
  type: string;
  date: string | null;
  endDate: string | null;
  precision: string | null;
  uncertain: boolean;
  planned: boolean;
  place: string | null;
  sentence: string;
}

export interface TimelineFilter {
  actorId?: number;
  from?: string;
  to?: string;
  match?: string;
  plannedOnly?: boolean;
  limit: number;
  offset: number;
  /** Newest events when no start date is given, so a limit keeps the latest. */
  latest: boolean;
}

const ACTOR_COLS = `id, name, kind, key, surname_key AS surnameKey, words, mentions, first_seen AS firstSeen,
  last_seen AS lastSeen, role, affiliation`;
const EVENT_COLS = `id, type, family, date, end_date AS endDate, precision, uncertain, planned, title, summary, place`;

// Bounds the co-occurrence count for very frequent actors, so whois stays fast on a big store.
const RELATED_WINDOW = 300;
/** Above this many mentions an actor's events are found by walking the date index. */
const FREQUENT_ACTOR = 500;
/** The widest event (year precision): bounds date-range scans. */
const MAX_EVENT_SPAN_DAYS = 366;

function shiftDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const toEvent = (r: EventRow): EventRow => ({
  ...r,
  uncertain: Boolean(r.uncertain),
  planned: Boolean(r.planned),
});
const json = (ids: number[]) => JSON.stringify(ids);

/** Actors, roles and events: everything the knowledge layer stores, and the queries that read it. */
export class KnowledgeRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(private readonly db: Database) {
    this.sql = statementCache(db);
  }

  get database(): Database {
    return this.db;
  }

  // ---- indexing ----

  /** Removes what these articles contributed; returns the actors and events they touched. */
  clearArticles(articleIds: number[]): { actorIds: number[]; eventIds: number[] } {
    const ids = json(articleIds);
    const actorIds = this.sql(
      'SELECT DISTINCT actor_id FROM actor_mentions WHERE article_id IN (SELECT value FROM json_each(?))',
    )
      .pluck()
      .all(ids) as number[];
    const eventIds = this.sql(
      'SELECT DISTINCT event_id FROM event_sources WHERE article_id IN (SELECT value FROM json_each(?))',
    )
      .pluck()
      .all(ids) as number[];
    for (const table of ['actor_mentions', 'actor_roles', 'event_sources', 'event_actors']) {
      this.sql(`DELETE FROM ${table} WHERE article_id IN (SELECT value FROM json_each(?))`).run(ids);
    }
    return { actorIds, eventIds };
  }

  /** Deletes actors nobody mentions any more and events no article reports. */
  removeOrphans(actorIds: number[], eventIds: number[]): { actors: number[]; events: number[] } {
    return {
      events: this.deleteUnreferenced('events', 'event_sources', 'event_id', eventIds),
      actors: this.deleteUnreferenced('actors', 'actor_mentions', 'actor_id', actorIds),
    };
  }

  /** Deletes the rows among `ids` of `table` that no row of `refTable` points at; returns their ids. */
  private deleteUnreferenced(table: string, refTable: string, refColumn: string, ids: number[]): number[] {
    const dead = this.sql(
      `SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM ${refTable} WHERE ${refColumn} = value)`,
    )
      .pluck()
      .all(json(ids)) as number[];
    this.sql(`DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).run(json(dead));
    return dead;
  }

  findActor(kind: string, key: string): ActorRow | undefined {
    return this.sql(`SELECT ${ACTOR_COLS} FROM actors WHERE kind = ? AND key = ?`).get(kind, key) as
      | ActorRow
      | undefined;
  }

  peopleBySurname(surnameKey: string): ActorRow[] {
    return this.sql(
      `SELECT ${ACTOR_COLS} FROM actors WHERE surname_key = ? AND kind = 'person' ORDER BY mentions DESC`,
    ).all(surnameKey) as ActorRow[];
  }

  createActor(a: {
    name: string;
    kind: string;
    key: string;
    surnameKey: string | null;
    words: number;
  }): number {
    return Number(
      this.sql('INSERT INTO actors (name, kind, key, surname_key, words) VALUES (?, ?, ?, ?, ?)').run(
        a.name,
        a.kind,
        a.key,
        a.surnameKey,
        a.words,
      ).lastInsertRowid,
    );
  }

  addAliases(actorId: number, aliases: { alias: string; key: string }[], terms: string[]): void {
    const alias = this.sql(
      'INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, ?, ?)',
    );
    for (const a of aliases) alias.run(actorId, a.alias, a.key);
    const term = this.sql('INSERT OR IGNORE INTO actor_terms (term, actor_id) VALUES (?, ?)');
    for (const t of terms) term.run(t, actorId);
  }

  addMention(
    actorId: number,
    articleId: number,
    count: number,
    sentence: string,
    published: string | null,
  ): void {
    this.sql(
      `INSERT INTO actor_mentions (actor_id, article_id, count, sentence, published) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (actor_id, article_id) DO UPDATE SET count = count + excluded.count`,
    ).run(actorId, articleId, count, sentence, published);
  }

  addRole(actorId: number, articleId: number, r: Omit<RoleRow, 'articleId'>): void {
    this.sql(
      'INSERT INTO actor_roles (actor_id, article_id, role, role_key, past, affiliation, date) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(actorId, articleId, r.role, r.roleKey, r.past ? 1 : 0, r.affiliation, r.date);
  }

  /** Folds actor `from` into `into` (a bare surname that turned out to be a known full name). */
  mergeActor(from: number, into: number): void {
    this.sql(
      `INSERT INTO actor_mentions (actor_id, article_id, count, sentence, published)
         SELECT ?, article_id, count, sentence, published FROM actor_mentions WHERE actor_id = ?
         ON CONFLICT (actor_id, article_id) DO UPDATE SET count = count + excluded.count`,
    ).run(into, from);
    this.sql('UPDATE actor_roles SET actor_id = ? WHERE actor_id = ?').run(into, from);
    this.sql(
      'INSERT OR IGNORE INTO actor_aliases SELECT ?, alias, alias_key FROM actor_aliases WHERE actor_id = ?',
    ).run(into, from);
    this.sql('INSERT OR IGNORE INTO actor_terms SELECT term, ? FROM actor_terms WHERE actor_id = ?').run(
      into,
      from,
    );
    this.sql(
      'INSERT OR IGNORE INTO event_actors SELECT event_id, ?, article_id FROM event_actors WHERE actor_id = ?',
    ).run(into, from);
    this.sql('DELETE FROM actors WHERE id = ?').run(from);
  }

  roles(actorId: number): RoleRow[] {
    return (
      this.sql(
        `SELECT role, role_key AS roleKey, past, affiliation, date, article_id AS articleId FROM actor_roles
           WHERE actor_id = ? ORDER BY date, id`,
      ).all(actorId) as (Omit<RoleRow, 'past'> & { past: number })[]
    ).map((r) => ({ ...r, past: Boolean(r.past) }));
  }

  /** Recomputes an actor's counts and dates from its mentions, and stores its current role. */
  refreshActor(id: number, role: string | null, affiliation: string | null): void {
    this.sql(
      `UPDATE actors SET
           mentions = (SELECT coalesce(sum(count), 0) FROM actor_mentions WHERE actor_id = @id),
           first_seen = (SELECT min(published) FROM actor_mentions WHERE actor_id = @id),
           last_seen = (SELECT max(published) FROM actor_mentions WHERE actor_id = @id),
           role = @role, affiliation = @affiliation
         WHERE id = @id`,
    ).run({ id, role, affiliation });
  }

  eventCandidates(family: string, from: string, to: string): (EventRow & { people: number[] })[] {
    const rows = (
      this.sql(
        `SELECT ${EVENT_COLS} FROM events WHERE family = ? AND date <= ? AND until >= ? LIMIT 200`,
      ).all(family, to, from) as EventRow[]
    ).map(toEvent);
    const people = this.sql(
      `SELECT DISTINCT ea.actor_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
       WHERE ea.event_id = ? AND a.kind = 'person'`,
    );
    return rows.map((r) => ({ ...r, people: people.pluck().all(r.id) as number[] }));
  }

  createEvent(e: EventInput): number {
    return Number(
      this.sql(
        `INSERT INTO events (type, family, date, end_date, until, precision, uncertain, planned, title, summary, place)
           VALUES (@type, @family, @date, @endDate, @until, @precision, @uncertain, @planned, @title, @summary, @place)`,
      ).run({ ...e, until: e.endDate ?? e.date, uncertain: e.uncertain ? 1 : 0, planned: e.planned ? 1 : 0 })
        .lastInsertRowid,
    );
  }

  updateEvent(id: number, e: EventInput): void {
    this.sql(
      `UPDATE events SET type = @type, family = @family, date = @date, end_date = @endDate, until = @until,
           precision = @precision, uncertain = @uncertain, planned = @planned, title = @title, summary = @summary,
           place = @place WHERE id = @id`,
    ).run({
      ...e,
      id,
      until: e.endDate ?? e.date,
      uncertain: e.uncertain ? 1 : 0,
      planned: e.planned ? 1 : 0,
    });
  }

  deleteEvent(id: number): void {
    this.sql('DELETE FROM events WHERE id = ?').run(id);
  }

  addEventSource(s: EventSourceInput): void {
    this.sql(
      `INSERT OR IGNORE INTO event_sources (event_id, article_id, type, date, end_date, precision, uncertain, planned,
           place, sentence)
         VALUES (@eventId, @articleId, @type, @date, @endDate, @precision, @uncertain, @planned, @place, @sentence)`,
    ).run({ ...s, uncertain: s.uncertain ? 1 : 0, planned: s.planned ? 1 : 0 });
  }

  addEventActors(eventId: number, actorIds: number[], articleId: number): void {
    const stmt = this.sql(
      'INSERT OR IGNORE INTO event_actors (event_id, actor_id, article_id) VALUES (?, ?, ?)',
    );
    for (const a of actorIds) stmt.run(eventId, a, articleId);
  }

  /** How each reporting article dates the event, with the article's own date. */
  eventReports(eventId: number): (Omit<EventSourceInput, 'eventId'> & { published: string | null })[] {
    return (
      this.sql(
        `SELECT s.article_id AS articleId, s.type, s.date, s.end_date AS endDate, s.precision, s.uncertain, s.planned,
             s.place, s.sentence, a.published FROM event_sources s JOIN articles a ON a.id = s.article_id
           WHERE s.event_id = ? ORDER BY a.published, s.article_id`,
      ).all(eventId) as (Omit<EventSourceInput, 'eventId' | 'uncertain' | 'planned'> & {
        published: string | null;
        uncertain: number;
        planned: number;
      })[]
    ).map((r) => ({ ...r, uncertain: Boolean(r.uncertain), planned: Boolean(r.planned) }));
  }

  event(id: number): EventRow | undefined {
    const r = this.sql(`SELECT ${EVENT_COLS} FROM events WHERE id = ?`).get(id) as EventRow | undefined;
    return r && toEvent(r);
  }

  /** Each event's actors: people first, those most of its reports name first, then the most mentioned. */
  eventActorNames(eventIds: number[]): Map<number, { name: string; kind: string }[]> {
    const rows = this.sql(
      `SELECT ea.event_id AS eventId, a.name, a.kind FROM event_actors ea
         JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN (SELECT value FROM json_each(?))
         GROUP BY ea.event_id, a.id
         ORDER BY a.kind = 'person' DESC, count(DISTINCT ea.article_id) DESC, a.mentions DESC, a.name`,
    ).all(json(eventIds)) as { eventId: number; name: string; kind: string }[];
    const out = new Map<number, { name: string; kind: string }[]>();
    for (const r of rows) out.set(r.eventId, [...(out.get(r.eventId) ?? []), { name: r.name, kind: r.kind }]);
    return out;
  }

  eventSources(eventIds: number[]): Map<number, SourceRow[]> {
    const rows = this.sql(
      `SELECT s.event_id AS eventId, a.id AS articleId, a.title, a.url, a.path, a.source FROM event_sources s
         JOIN articles a ON a.id = s.article_id WHERE s.event_id IN (SELECT value FROM json_each(?))
         ORDER BY a.published, a.id`,
    ).all(json(eventIds)) as (SourceRow & { eventId: number })[];
    const out = new Map<number, SourceRow[]>();
    for (const { eventId, ...s } of rows) out.set(eventId, [...(out.get(eventId) ?? []), s]);
    return out;
  }

  // ---- queries ----

  actor(id: number): ActorRow | undefined {
    return this.sql(`SELECT ${ACTOR_COLS} FROM actors WHERE id = ?`).get(id) as ActorRow | undefined;
  }

  /** Actors one of whose names has this key, or people with this surname key. */
  actorsNamed(key: string): ActorRow[] {
    return this.sql(
      `SELECT ${ACTOR_COLS} FROM actors WHERE id IN (
           SELECT actor_id FROM actor_aliases WHERE alias_key = @key
           UNION SELECT id FROM actors WHERE key = @key
           UNION SELECT id FROM actors WHERE surname_key = @key AND kind = 'person')
         ORDER BY mentions DESC`,
    ).all({ key }) as ActorRow[];
  }

  aliases(actorId: number): string[] {
    return this.sql('SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias')
      .pluck()
      .all(actorId) as string[];
  }

  /** Sentences about the actor from its latest articles. */
  profileSentences(actorId: number, limit: number): string[] {
    return this.sql(
      'SELECT sentence FROM actor_mentions WHERE actor_id = ? ORDER BY published DESC, count DESC LIMIT ?',
    )
      .pluck()
      .all(actorId, limit) as string[];
  }

  /** People and organisations in the same articles (the actor's latest 300), most shared articles first. */
  related(actorId: number, limit: number): { name: string; count: number }[] {
    return this.sql(
      `WITH recent AS (
           SELECT article_id FROM actor_mentions WHERE actor_id = @id ORDER BY published DESC LIMIT @window)
         SELECT a.name, count(*) AS count FROM recent
         JOIN actor_mentions m2 ON m2.article_id = recent.article_id AND m2.actor_id != @id
         JOIN actors a ON a.id = m2.actor_id
         WHERE a.kind IN ('person', 'organisation')
         GROUP BY m2.actor_id ORDER BY count DESC, a.mentions DESC LIMIT @limit`,
    ).all({ id: actorId, limit, window: RELATED_WINDOW }) as { name: string; count: number }[];
  }

  actorEvents(actorId: number, limit: number): { id: number; date: string; title: string }[] {
    return this.sql(
      `SELECT e.id, e.date, e.title FROM events e WHERE ${this.actorFilter(actorId)} ORDER BY e.date DESC LIMIT @limit`,
    ).all({ actor: actorId, limit }) as { id: number; date: string; title: string }[];
  }

  /**
   * "Events with this actor" for a query ordered by date: a frequent actor is found by walking the
   * date index and probing (the first matches come soon); a rare one by its own few events.
   */
  private actorFilter(actorId: number): string {
    const mentions =
      (this.sql('SELECT mentions FROM actors WHERE id = ?').pluck().get(actorId) as number) ?? 0;
    return mentions > FREQUENT_ACTOR
      ? 'EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id = @actor)'
      : 'e.id IN (SELECT event_id FROM event_actors WHERE actor_id = @actor)';
  }

  /** Role history grouped by role: first date, latest wording, the latest few sources. */
  roleHistory(
    actorId: number,
    sourcesPerRole: number,
  ): { role: string; date: string | null; articleIds: number[] }[] {
    const rows = this.sql(
      `SELECT role_key AS roleKey, role, date, article_id AS articleId, first, n FROM (
           SELECT role_key, role, date, article_id,
             min(coalesce(date, '9999')) OVER (PARTITION BY role_key) AS first,
             row_number() OVER (PARTITION BY role_key ORDER BY date DESC, id DESC) AS n
           FROM actor_roles WHERE actor_id = ?)
         WHERE n <= ? ORDER BY first, roleKey, n`,
    ).all(actorId, sourcesPerRole) as {
      roleKey: string;
      role: string;
      date: string | null;
      articleId: number;
      first: string;
    }[];
    const out = new Map<string, { role: string; date: string | null; articleIds: number[] }>();
    for (const r of rows) {
      const entry = out.get(r.roleKey) ?? {
        role: r.role,
        date: r.first === '9999' ? null : r.first,
        articleIds: [],
      };
      if (!entry.articleIds.includes(r.articleId)) entry.articleIds.push(r.articleId);
      out.set(r.roleKey, entry);
    }
    return [...out.values()];
  }

  actorSources(actorId: number, limit: number): SourceRow[] {
    return this.sql(
      `SELECT a.id AS articleId, a.title, a.url, a.path, a.source FROM actor_mentions m
         JOIN articles a ON a.id = m.article_id
         WHERE m.actor_id = ? ORDER BY m.published DESC, a.id DESC LIMIT ?`,
    ).all(actorId, limit) as SourceRow[];
  }

  articleSources(articleIds: number[]): Map<number, SourceRow> {
    const rows = this.sql(
      'SELECT id AS articleId, title, url, path, source FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    ).all(json(articleIds)) as SourceRow[];
    return new Map(rows.map((r) => [r.articleId, r]));
  }

  /** Actors with a search term starting with `prefix`, most mentioned first. */
  actorsByPrefix(prefix: string, limit: number): { id: number; name: string; mentions: number }[] {
    return this.sql(
      `SELECT a.id, a.name, a.mentions FROM actors a WHERE a.id IN (
           SELECT actor_id FROM actor_terms WHERE term >= ? AND term < ? LIMIT 2000)
         ORDER BY a.mentions DESC LIMIT ?`,
    ).all(prefix, `${prefix}\uffff`, limit) as { id: number; name: string; mentions: number }[];
  }

  /** Search terms that start with `letters` (fuzzy candidates share the first letter). */
  termsStartingWith(
    letters: string,
    minLength: number,
    maxLength: number,
    limit: number,
  ): { term: string; actorId: number }[] {
    return this.sql(
      `SELECT term, actor_id AS actorId FROM actor_terms
         WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? LIMIT ?`,
    ).all(letters, `${letters}\uffff`, minLength, maxLength, limit) as { term: string; actorId: number }[];
  }

  actorNames(ids: number[]): { id: number; name: string; mentions: number }[] {
    return this.sql('SELECT id, name, mentions FROM actors WHERE id IN (SELECT value FROM json_each(?))').all(
      json(ids),
    ) as { id: number; name: string; mentions: number }[];
  }

  timeline(f: TimelineFilter): EventRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
    if (f.actorId !== undefined) {
      where.push(this.actorFilter(f.actorId));
      params.actor = f.actorId;
    }
    if (f.from) {
      // `date >= from - longest span` lets the date index start near `from` instead of at the oldest event.
      where.push('e.until >= @from AND e.date >= @fromLow');
      params.from = f.from;
      params.fromLow = shiftDays(f.from, -MAX_EVENT_SPAN_DAYS);
    }
    if (f.to) {
      where.push('e.date <= @to');
      params.to = f.to;
    }
    if (f.match) {
      where.push('e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH @match)');
      params.match = f.match;
    }
    if (f.plannedOnly) where.push('e.planned = 1');
    const order = f.latest ? 'e.date DESC, e.until DESC, e.id DESC' : 'e.date, e.until, e.id';
    const rows = this.sql(
      `SELECT e.id, e.type, e.family, e.date, e.end_date AS endDate, e.precision, e.uncertain, e.planned, e.title,
           e.summary, e.place FROM events e
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all(params) as EventRow[];
    return rows.map(toEvent);
  }

  counts(): { actors: number; events: number } {
    return {
      actors: this.sql('SELECT count(*) FROM actors').pluck().get() as number,
      events: this.sql('SELECT count(*) FROM events').pluck().get() as number,
    };
  }
}
