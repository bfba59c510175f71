import { idList } from './dialect.ts';
import type { Engine, Statement } from './engine/types.ts';
import {
  ACTOR_COLS,
  type ActorRow,
  EVENT_COLS,
  type EventRow,
  json,
  type SourceRow,
  type TimelineFilter,
  toEvent,
} from './knowledge-rows.ts';
import { EVENT_TSV, TSQUERY, tsQueryOf } from './pg-fts.ts';
import { statementCache } from './statements.ts';
import { type Audience, OPERATOR_AUDIENCE } from './tenants.ts';
import { visibleArticle, visibleArticleId, visibleTo } from './visibility.ts';

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

/** Some mention of actor `a` is in an article the audience may see. */
const ACTOR_SEEN = `EXISTS (SELECT 1 FROM actor_mentions vm WHERE vm.actor_id = a.id AND ${visibleArticleId('vm.article_id')})`;
/** Some report of event `e` is an article the audience may see. */
const EVENT_SEEN = `EXISTS (SELECT 1 FROM event_sources vs WHERE vs.event_id = e.id AND ${visibleArticleId('vs.article_id')})`;

/**
 * What whois, timeline and autocomplete read from the knowledge tables, as one audience may see it:
 * actors, roles, sentences, events and sources only from the articles its tenant may see (its own
 * feeds and the shared sources). Without an audience: the operator's view.
 */
export class KnowledgeQueries {
  protected readonly sql: (sql: string) => Statement;
  /** The visibility parameters every query binds. */
  private readonly v: { vTenant: string; vShared: 0 | 1 };

  constructor(
    protected readonly db: Engine,
    audience: Audience = OPERATOR_AUDIENCE,
  ) {
    this.sql = statementCache(db);
    this.v = visibleTo(audience);
  }

  /** The same queries as another audience sees them. */
  scoped(audience: Audience): KnowledgeQueries {
    return new KnowledgeQueries(this.db, audience);
  }

  get database(): Engine {
    return this.db;
  }

  /** By id, whoever may see it: for indexing, never for an answer. */
  event(id: number): EventRow | undefined {
    const r = this.sql(`SELECT ${EVENT_COLS} FROM events WHERE id = ?`).get(id) as EventRow | undefined;
    return r && toEvent(r);
  }

  /** Each event's actors: people first, those most of its reports name first, then the most mentioned. */
  eventActorNames(eventIds: number[]): Map<number, { name: string; kind: string }[]> {
    const rows = this.sql(
      `SELECT ea.event_id AS eventId, a.name, a.kind FROM event_actors ea
         JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ${idList(this.db.dialect)}
           AND ${visibleArticleId('ea.article_id')}
         GROUP BY ea.event_id, a.id
         ORDER BY a.kind = 'person' DESC, count(DISTINCT ea.article_id) DESC, a.mentions DESC, a.name`,
    ).all(this.v, json(eventIds)) as { eventId: number; name: string; kind: string }[];
    const out = new Map<number, { name: string; kind: string }[]>();
    for (const r of rows) out.set(r.eventId, [...(out.get(r.eventId) ?? []), { name: r.name, kind: r.kind }]);
    return out;
  }

  eventSources(eventIds: number[]): Map<number, SourceRow[]> {
    const rows = this.sql(
      `SELECT s.event_id AS eventId, a.id AS articleId, a.title, a.url, a.path, a.source FROM event_sources s
         JOIN articles a ON a.id = s.article_id WHERE s.event_id IN ${idList(this.db.dialect)}
           AND ${visibleArticle('a')}
         ORDER BY a.published NULLS FIRST, a.id`,
    ).all(this.v, json(eventIds)) as (SourceRow & { eventId: number })[];
    const out = new Map<number, SourceRow[]>();
    for (const { eventId, ...s } of rows) out.set(eventId, [...(out.get(eventId) ?? []), s]);
    return out;
  }

  /** By id, whoever may see it: for indexing, never for an answer. */
  actor(id: number): ActorRow | undefined {
    return this.sql(`SELECT ${ACTOR_COLS} FROM actors WHERE id = ?`).get(id) as ActorRow | undefined;
  }

  /** Actors one of whose names has this key, or people with this surname key. */
  actorsNamed(key: string): ActorRow[] {
    return this.sql(
      `SELECT ${ACTOR_COLS} FROM actors a WHERE id IN (
           SELECT actor_id FROM actor_aliases WHERE alias_key = @key
           UNION SELECT id FROM actors WHERE key = @key
           UNION SELECT id FROM actors WHERE surname_key = @key AND kind = 'person')
         AND ${ACTOR_SEEN}
         ORDER BY mentions DESC`,
    ).all({ ...this.v, key }) as ActorRow[];
  }

  aliases(actorId: number): string[] {
    return this.sql('SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias')
      .pluck()
      .all(actorId) as string[];
  }

  /** Sentences about the actor from its latest articles. */
  profileSentences(actorId: number, limit: number): string[] {
    return this.sql(
      `SELECT sentence FROM actor_mentions WHERE actor_id = ? AND ${visibleArticleId('article_id')}
         ORDER BY published DESC NULLS LAST, count DESC LIMIT ?`,
    )
      .pluck()
      .all(this.v, actorId, limit) as string[];
  }

  /** People and organisations in the same articles (the actor's latest 300), most shared articles first. */
  related(actorId: number, limit: number): { name: string; count: number }[] {
    return this.sql(
      `WITH recent AS (
           SELECT article_id FROM actor_mentions WHERE actor_id = @id AND ${visibleArticleId('article_id')}
           ORDER BY published DESC NULLS LAST LIMIT @window)
         SELECT a.name, count(*) AS count FROM recent
         JOIN actor_mentions m2 ON m2.article_id = recent.article_id AND m2.actor_id != @id
         JOIN actors a ON a.id = m2.actor_id
         WHERE a.kind IN ('person', 'organisation')
         GROUP BY a.id ORDER BY count DESC, a.mentions DESC, a.id LIMIT @limit`,
    ).all({ ...this.v, id: actorId, limit, window: RELATED_WINDOW }) as { name: string; count: number }[];
  }

  actorEvents(actorId: number, limit: number): { id: number; date: string; title: string }[] {
    return this.sql(
      `SELECT e.id, e.date, e.title FROM events e WHERE ${this.actorFilter(actorId)} AND ${EVENT_SEEN}
         ORDER BY e.date DESC LIMIT @limit`,
    ).all({ ...this.v, actor: actorId, limit }) as { id: number; date: string; title: string }[];
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
             row_number() OVER (PARTITION BY role_key ORDER BY date DESC NULLS LAST, id DESC) AS n
           FROM actor_roles WHERE actor_id = ? AND ${visibleArticleId('article_id')}) AS r
         WHERE n <= ? ORDER BY first, roleKey, n`,
    ).all(this.v, actorId, sourcesPerRole) as {
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
         WHERE m.actor_id = ? AND ${visibleArticle('a')} ORDER BY m.published DESC NULLS LAST, a.id DESC
         LIMIT ?`,
    ).all(this.v, actorId, limit) as SourceRow[];
  }

  articleSources(articleIds: number[]): Map<number, SourceRow> {
    const rows = this.sql(
      `SELECT id AS articleId, title, url, path, source FROM articles WHERE id IN ${idList(this.db.dialect)}
         AND ${visibleArticle('articles')}`,
    ).all(this.v, json(articleIds)) as SourceRow[];
    return new Map(rows.map((r) => [r.articleId, r]));
  }

  /** Actors with a search term starting with `prefix`, most mentioned first. */
  actorsByPrefix(prefix: string, limit: number): { id: number; name: string; mentions: number }[] {
    return this.sql(
      `SELECT a.id, a.name, a.mentions FROM actors a WHERE a.id IN (
           SELECT actor_id FROM actor_terms WHERE term >= ? AND term < ? LIMIT 2000)
         AND ${ACTOR_SEEN}
         ORDER BY a.mentions DESC LIMIT ?`,
    ).all(this.v, prefix, `${prefix}\uffff`, limit) as { id: number; name: string; mentions: number }[];
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
    return this.sql(
      `SELECT id, name, mentions FROM actors a WHERE id IN ${idList(this.db.dialect)} AND ${ACTOR_SEEN}`,
    ).all(this.v, json(ids)) as { id: number; name: string; mentions: number }[];
  }

  timeline(f: TimelineFilter): EventRow[] {
    const where: string[] = [EVENT_SEEN];
    const params: Record<string, unknown> = { ...this.v, limit: f.limit, offset: f.offset };
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
      if (this.db.dialect === 'postgres') {
        where.push(`${EVENT_TSV('e')} @@ ${TSQUERY('@match')}`);
        params.match = tsQueryOf(f.match);
      } else {
        where.push('e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH @match)');
        params.match = f.match;
      }
    }
    if (f.plannedOnly) where.push('e.planned = 1');
    const order = f.latest ? 'e.date DESC, e.until DESC, e.id DESC' : 'e.date, e.until, e.id';
    const rows = this.sql(
      `SELECT e.id, e.type, e.family, e.date, e.end_date AS endDate, e.precision, e.uncertain, e.planned, e.title,
           e.summary, e.place FROM events e
         WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
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
