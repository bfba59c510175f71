import { errorMessage } from '../core/errors.ts';
import { log } from '../log.ts';
import type { ArticleRow } from '../store/articles.ts';
import type { Store } from '../store/index.ts';
import { resolveNamedActor, resolveSurname } from './actors.ts';
import { type ArticleAnalysis, analysisOf, type LocalEvent, publicationDay } from './analyze.ts';
import { affiliation, currentRole } from './current-role.ts';
import { KnowledgeIndexError } from './errors.ts';
import { findSameEvent, recomputeEvent } from './event-store.ts';
import { fold, nameKey, nameWords, surnameKey } from './names.ts';

interface Analysed {
  article: ArticleRow;
  analysis: ArticleAnalysis;
  /** Store actor id of each local actor (null: dropped). */
  ids: (number | null)[];
  /** Actors and events stored for the article. */
  found: number;
}

export interface IndexFailure {
  articleId: number;
  /** The article's file, URL or id, for the ingest report. */
  location: string;
  error: KnowledgeIndexError;
}

export interface IndexOutcome {
  /** Articles whose knowledge is now up to date (including those cleared because removed or duplicates). */
  indexed: number;
  /** Articles whose knowledge could not be indexed: stored without it, and indexed again on the next run. */
  failed: IndexFailure[];
}

/** Where an article came from, as the ingest report names it. */
const locationOf = (a: Pick<ArticleRow, 'id' | 'path' | 'url'> | undefined, id: number): string =>
  a?.path ?? a?.url ?? `article ${id}`;

/**
 * Extracts actors, roles and events of these articles into the store; re-indexing replaces. Never
 * throws for one article: an article whose knowledge cannot be stored is returned under `failed`
 * (and logged), the others are indexed. Inside a caller's transaction this runs as a savepoint, so an
 * article and its knowledge commit together.
 */
export function indexArticlesInStore(
  store: Store,
  articleIds: number[],
  analysed?: ReadonlyMap<number, ArticleAnalysis>,
): IndexOutcome {
  if (!articleIds.length) return { indexed: 0, failed: [] };
  try {
    return store.transaction(() => indexBatch(store, articleIds, analysed));
  } catch (err) {
    // A write failed and rolled the batch back: index each article alone, so that only the bad one is lost.
    log.warn(
      { err, articles: articleIds.length },
      'knowledge indexing of a batch failed: indexing its articles one by one',
    );
  }
  const outcome: IndexOutcome = { indexed: 0, failed: [] };
  for (const id of articleIds) {
    try {
      const one = store.transaction(() => indexBatch(store, [id], analysed));
      outcome.indexed += one.indexed;
      outcome.failed.push(...one.failed);
    } catch (err) {
      outcome.failed.push(failure(id, locationOf(store.articles.get(id), id), err));
    }
  }
  return outcome;
}

function failure(articleId: number, location: string, cause: unknown): IndexFailure {
  const error = new KnowledgeIndexError(`knowledge indexing failed: ${errorMessage(cause)}`, { cause });
  log.warn({ err: error, articleId, location }, 'knowledge indexing failed for one article');
  return { articleId, location, error };
}

/**
 * One batch in one transaction. Articles are taken in an order of their own (publication date, then
 * where it came from), so the actors a batch makes do not depend on the order its files were read in.
 */
function indexBatch(
  store: Store,
  articleIds: number[],
  analysed: ReadonlyMap<number, ArticleAnalysis> | undefined,
): IndexOutcome {
  const repo = store.knowledge;
  const outcome: IndexOutcome = { indexed: 0, failed: [] };
  const cleared = repo.clearArticles(articleIds);
  const touchedActors = new Set(cleared.actorIds);
  const touchedEvents = new Set(cleared.eventIds);
  const rows = store.articles.getMany(articleIds).sort(canonicalOrder);
  const done: Analysed[] = [];
  for (const article of rows) {
    if (article.status !== 'active' || article.duplicateOf != null) {
      repo.markIndexed(article.id, article.updatedAt, 0);
      outcome.indexed++;
      continue;
    }
    // One article the extractor cannot read must not cost the batch its other articles.
    try {
      const analysis = analysed?.get(article.id) ?? analysisOf(article);
      done.push({ article, analysis, ids: analysis.actors.map(() => null), found: 0 });
    } catch (err) {
      outcome.failed.push(failure(article.id, locationOf(article, article.id), err));
    }
  }
  // Full names first, across the whole batch, so bare surnames in any article can find them.
  for (const d of done) {
    d.analysis.actors.forEach((a, i) => {
      if (a.count > 0 && !a.surnameOnly) d.ids[i] = resolveNamedActor(repo, a, touchedActors);
    });
  }
  for (const d of done) {
    d.analysis.actors.forEach((a, i) => {
      if (a.count > 0 && a.surnameOnly) d.ids[i] = resolveSurname(repo, a, touchedActors);
    });
    saveMentions(store, d);
  }
  // Dated reports make events; undated ones ("talks in Geneva") only join an event already known.
  for (const dated of [true, false]) {
    for (const d of done) {
      for (const e of d.analysis.events) {
        if (Boolean(e.date) === dated && saveEvent(store, d, e, touchedEvents)) d.found++;
      }
    }
  }
  const gone = repo.removeOrphans([...touchedActors], [...touchedEvents]);
  for (const id of touchedEvents) if (!gone.events.includes(id)) recomputeEvent(repo, id);
  for (const id of touchedActors) {
    if (gone.actors.includes(id) || !repo.actor(id)) continue;
    respell(store, id);
    const roles = repo.roles(id);
    const current = currentRole(roles);
    repo.refreshActor(id, current?.role ?? null, affiliation(roles, current));
  }
  for (const d of done) repo.markIndexed(d.article.id, d.article.updatedAt, d.found);
  outcome.indexed += done.length;
  return outcome;
}

/** Code-point order: the same on every machine, whatever its locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const canonicalOrder = (a: ArticleRow, b: ArticleRow): number =>
  compareText(a.published ?? '', b.published ?? '') || compareText(a.origin, b.origin) || a.id - b.id;

/**
 * Names an actor by the spelling of its key with the most words ("El Mansouri" over "El-Mansouri"),
 * whichever came first, so that a hyphenated full name is not taken for a bare surname. Spellings
 * with as many words keep the first one seen; a dateline's capitals ("TALLINN") never win.
 */
function respell(store: Store, id: number): void {
  const repo = store.knowledge;
  const actor = repo.actor(id)!;
  const wordCount = (name: string) => nameWords(name).length;
  const fuller = repo
    .aliases(id)
    .filter((alias) => nameKey(alias) === actor.key && /\p{Ll}/u.test(alias) && !/[’']s$/.test(alias))
    .filter((alias) => wordCount(alias) > wordCount(actor.name))
    .sort((a, b) => wordCount(b) - wordCount(a) || compareText(a, b));
  const name = fuller[0];
  if (!name) return;
  repo.respellActor(id, {
    name,
    words: Math.max(wordCount(name), actor.words),
    surnameKey: actor.kind === 'person' ? surnameKey(name) : null,
  });
}

function saveMentions(store: Store, d: Analysed): void {
  const repo = store.knowledge;
  const day = publicationDay(d.article.published);
  const perActor = new Map<number, { count: number; sentence: string }>();
  d.analysis.actors.forEach((a, i) => {
    const id = d.ids[i];
    if (id == null || a.count === 0) return;
    const seen = perActor.get(id);
    perActor.set(id, { count: (seen?.count ?? 0) + a.count, sentence: seen?.sentence ?? a.sentence });
    for (const r of a.roles) {
      repo.addRole(id, d.article.id, {
        role: r.role,
        roleKey: fold(r.role),
        past: r.past,
        affiliation: r.affiliation,
        date: day,
      });
    }
  });
  for (const [id, m] of perActor) repo.addMention(id, d.article.id, m.count, m.sentence, day);
  d.found += perActor.size;
}

/** Stores one reported event (a new one or a report of a known one); false when it is not kept. */
function saveEvent(store: Store, d: Analysed, e: LocalEvent, touched: Set<number>): boolean {
  const repo = store.knowledge;
  const actorIds = [...new Set(e.actors.map((i) => d.ids[i]).filter((id): id is number => id != null))];
  if (!actorIds.length && !e.place) return false;
  let eventId = findSameEvent(repo, e, actorIds, d.article.id);
  if (eventId === null) {
    if (!e.date || e.joinOnly) return false;
    eventId = repo.createEvent({
      type: e.type,
      family: e.family,
      date: e.date.date,
      endDate: e.date.endDate,
      precision: e.date.precision,
      uncertain: e.uncertain,
      planned: e.planned,
      title: e.type,
      summary: e.sentence,
      place: e.place,
    });
  }
  repo.addEventSource({
    eventId,
    articleId: d.article.id,
    type: e.type,
    date: e.date?.date ?? null,
    endDate: e.date?.endDate ?? null,
    precision: e.date?.precision ?? null,
    uncertain: e.uncertain,
    planned: e.planned,
    place: e.place,
    sentence: e.sentence,
  });
  // An undated or vague mention only adds a source; its sentence may name people of other events.
  if (e.date && !e.joinOnly) repo.addEventActors(eventId, actorIds, d.article.id);
  // Re-derive now, so the next report in this batch compares against the best date known so far.
  recomputeEvent(repo, eventId);
  touched.add(eventId);
  return true;
}

/** Articles per catch-up transaction, as in an ingest batch. */
const CATCH_UP_BATCH = 500;

/**
 * Indexes, batch by batch, every article stored without its knowledge or changed since it was
 * indexed: what a killed run, a failed extraction or a bulk import left behind.
 */
export function indexUnindexedInStore(store: Store): IndexOutcome {
  const ids = store.knowledge.unindexedArticles();
  const outcome: IndexOutcome = { indexed: 0, failed: [] };
  for (let i = 0; i < ids.length; i += CATCH_UP_BATCH) {
    const batch = indexArticlesInStore(store, ids.slice(i, i + CATCH_UP_BATCH));
    outcome.indexed += batch.indexed;
    outcome.failed.push(...batch.failed);
  }
  if (ids.length) {
    log.info(
      { articles: ids.length, failed: outcome.failed.length },
      'indexed the articles an earlier run left without up-to-date knowledge',
    );
  }
  return outcome;
}
