import { greater, idList } from './dialect.ts';
import { KnowledgeQueries } from './knowledge-queries.ts';
import {
  ACTOR_COLS,
  type ActorRow,
  EVENT_COLS,
  type EventInput,
  type EventRow,
  type EventSourceInput,
  json,
  type RoleRow,
  toEvent,
} from './knowledge-rows.ts';

/** Actors, roles and events: the writes of knowledge indexing (and the reads it needs), on top of the queries. */
export class KnowledgeRepo extends KnowledgeQueries {
  /** Removes what these articles contributed; returns the actors and events they touched. */
  clearArticles(articleIds: number[]): { actorIds: number[]; eventIds: number[] } {
    const ids = json(articleIds);
    const inIds = idList(this.db.dialect);
    const actorIds = this.sql(`SELECT DISTINCT actor_id FROM actor_mentions WHERE article_id IN ${inIds}`)
      .pluck()
      .all(ids) as number[];
    const eventIds = this.sql(`SELECT DISTINCT event_id FROM event_sources WHERE article_id IN ${inIds}`)
      .pluck()
      .all(ids) as number[];
    for (const table of ['actor_mentions', 'actor_roles', 'event_sources', 'event_actors']) {
      this.sql(`DELETE FROM ${table} WHERE article_id IN ${inIds}`).run(ids);
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
      `SELECT value FROM ${idList(this.db.dialect)} AS ids
         WHERE NOT EXISTS (SELECT 1 FROM ${refTable} WHERE ${refColumn} = value)`,
    )
      .pluck()
      .all(json(ids)) as number[];
    this.sql(`DELETE FROM ${table} WHERE id IN ${idList(this.db.dialect)}`).run(json(dead));
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

  /**
   * The id of the actor with this kind and key, created if new. Safe in any order: a second spelling
   * with the same key ("El-Mansouri" after "El Mansouri") returns the existing actor, never a constraint
   * error, and the actor keeps the larger word count (its name is settled by respellActor).
   */
  createActor(a: {
    name: string;
    kind: string;
    key: string;
    surnameKey: string | null;
    words: number;
  }): number {
    return this.sql(
      `INSERT INTO actors (name, kind, key, surname_key, words) VALUES (@name, @kind, @key, @surnameKey, @words)
         ON CONFLICT (kind, key) DO UPDATE SET words = ${greater(this.db.dialect, 'actors.words', 'excluded.words')}
         RETURNING id`,
    )
      .pluck()
      .get(a) as number;
  }

  /** Renames an actor to another spelling of its key (the key itself never changes). */
  respellActor(id: number, spelling: { name: string; words: number; surnameKey: string | null }): void {
    this.sql('UPDATE actors SET name = @name, words = @words, surname_key = @surnameKey WHERE id = @id').run({
      ...spelling,
      id,
    });
  }

  addAliases(actorId: number, aliases: { alias: string; key: string }[], terms: string[]): void {
    const alias = this.sql(
      'INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const a of aliases) alias.run(actorId, a.alias, a.key);
    const term = this.sql('INSERT INTO actor_terms (term, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
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
         ON CONFLICT (actor_id, article_id) DO UPDATE SET count = actor_mentions.count + excluded.count`,
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
         SELECT CAST(? AS INTEGER), article_id, count, sentence, published FROM actor_mentions WHERE actor_id = ?
         ON CONFLICT (actor_id, article_id) DO UPDATE SET count = actor_mentions.count + excluded.count`,
    ).run(into, from);
    this.sql('UPDATE actor_roles SET actor_id = ? WHERE actor_id = ?').run(into, from);
    this.sql(
      `INSERT INTO actor_aliases SELECT CAST(? AS INTEGER), alias, alias_key FROM actor_aliases WHERE actor_id = ?
         ON CONFLICT DO NOTHING`,
    ).run(into, from);
    this.sql(
      'INSERT INTO actor_terms SELECT term, CAST(? AS INTEGER) FROM actor_terms WHERE actor_id = ? ON CONFLICT DO NOTHING',
    ).run(into, from);
    this.sql(
      `INSERT INTO event_actors SELECT event_id, CAST(? AS INTEGER), article_id FROM event_actors WHERE actor_id = ?
         ON CONFLICT DO NOTHING`,
    ).run(into, from);
    this.sql('DELETE FROM actors WHERE id = ?').run(from);
  }

  roles(actorId: number): RoleRow[] {
    return (
      this.sql(
        `SELECT role, role_key AS roleKey, past, affiliation, date, article_id AS articleId FROM actor_roles
           WHERE actor_id = ? ORDER BY date NULLS FIRST, id`,
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
    return this.sql(
      `INSERT INTO events (type, family, date, end_date, until, precision, uncertain, planned, title, summary, place)
         VALUES (@type, @family, @date, @endDate, @until, @precision, @uncertain, @planned, @title, @summary, @place)
         RETURNING id`,
    )
      .pluck()
      .get({
        ...e,
        until: e.endDate ?? e.date,
        uncertain: e.uncertain ? 1 : 0,
        planned: e.planned ? 1 : 0,
      }) as number;
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
      `INSERT INTO event_sources (event_id, article_id, type, date, end_date, precision, uncertain, planned,
           place, sentence)
         VALUES (@eventId, @articleId, @type, @date, @endDate, @precision, @uncertain, @planned, @place, @sentence)
         ON CONFLICT DO NOTHING`,
    ).run({ ...s, uncertain: s.uncertain ? 1 : 0, planned: s.planned ? 1 : 0 });
  }

  addEventActors(eventId: number, actorIds: number[], articleId: number): void {
    const stmt = this.sql(
      'INSERT INTO event_actors (event_id, actor_id, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const a of actorIds) stmt.run(eventId, a, articleId);
  }

  /** How each reporting article dates the event, with the article's own date. */
  eventReports(eventId: number): (Omit<EventSourceInput, 'eventId'> & { published: string | null })[] {
    return (
      this.sql(
        `SELECT s.article_id AS articleId, s.type, s.date, s.end_date AS endDate, s.precision, s.uncertain, s.planned,
             s.place, s.sentence, a.published FROM event_sources s JOIN articles a ON a.id = s.article_id
           WHERE s.event_id = ? ORDER BY a.published NULLS FIRST, s.article_id`,
      ).all(eventId) as (Omit<EventSourceInput, 'eventId' | 'uncertain' | 'planned'> & {
        published: string | null;
        uncertain: number;
        planned: number;
      })[]
    ).map((r) => ({ ...r, uncertain: Boolean(r.uncertain), planned: Boolean(r.planned) }));
  }

  /** Records that an article's knowledge is up to date as of its `updatedAt`; `found` 0 is "nothing found". */
  markIndexed(articleId: number, articleUpdatedAt: string, found: number): void {
    this.sql(
      `INSERT INTO knowledge_indexed (article_id, article_updated_at, found, indexed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET article_updated_at = excluded.article_updated_at,
           found = excluded.found, indexed_at = excluded.indexed_at`,
    ).run(articleId, articleUpdatedAt, found, new Date().toISOString());
  }

  /**
   * Articles whose knowledge is missing or stale: an original never indexed (a killed run, a failed
   * extraction, a bulk import), or any article changed, removed or made a duplicate since it was indexed.
   */
  unindexedArticles(): number[] {
    return this.sql(
      `SELECT a.id FROM articles a LEFT JOIN knowledge_indexed k ON k.article_id = a.id
         WHERE CASE WHEN k.article_id IS NULL THEN a.status = 'active' AND a.duplicate_of IS NULL
                    ELSE k.article_updated_at != a.updated_at END
         ORDER BY a.id`,
    )
      .pluck()
      .all() as number[];
  }
}
