import { log } from '../log.ts';
import type { ArticleRow } from '../store/articles.ts';
import type { Store } from '../store/index.ts';
import { resolveNamedActor, resolveSurname } from './actors.ts';
import { type ArticleAnalysis, analysisOf, type LocalEvent, publicationDay } from './analyze.ts';
import { affiliation, currentRole } from './current-role.ts';
import { findSameEvent, recomputeEvent } from './event-store.ts';
import { fold } from './names.ts';

interface Analysed {
  article: ArticleRow;
  analysis: ArticleAnalysis;
  /** Store actor id of each local actor (null: dropped). */
  ids: (number | null)[];
}

/** Extracts actors, roles and events of these articles into the store; re-indexing replaces. */
export function indexArticlesInStore(
  store: Store,
  articleIds: number[],
  analysed?: ReadonlyMap<number, ArticleAnalysis>,
): void {
  if (!articleIds.length) return;
  const repo = store.knowledge;
  store.transaction(() => {
    const cleared = repo.clearArticles(articleIds);
    const touchedActors = new Set(cleared.actorIds);
    const touchedEvents = new Set(cleared.eventIds);
    const articles = store.articles
      .getMany(articleIds)
      .filter((a) => a.status === 'active' && a.duplicateOf == null);
    const done: Analysed[] = [];
    for (const article of articles) {
      // One article the extractor cannot read must not cost the batch its other articles.
      try {
        const analysis = analysed?.get(article.id) ?? analysisOf(article);
        done.push({ article, analysis, ids: analysis.actors.map(() => null) });
      } catch (err) {
        log.warn({ err, articleId: article.id }, 'knowledge extraction failed for one article');
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
          if (Boolean(e.date) === dated) saveEvent(store, d, e, touchedEvents);
        }
      }
    }
    const gone = repo.removeOrphans([...touchedActors], [...touchedEvents]);
    for (const id of touchedEvents) if (!gone.events.includes(id)) recomputeEvent(repo, id);
    for (const id of touchedActors) {
      if (gone.actors.includes(id) || !repo.actor(id)) continue;
      const roles = repo.roles(id);
      const current = currentRole(roles);
      repo.refreshActor(id, current?.role ?? null, affiliation(roles, current));
    }
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
}

function saveEvent(store: Store, d: Analysed, e: LocalEvent, touched: Set<number>): void {
  const repo = store.knowledge;
  const actorIds = [...new Set(e.actors.map((i) => d.ids[i]).filter((id): id is number => id != null))];
  if (!actorIds.length && !e.place) return;
  const people = actorIds.filter((id) => repo.actor(id)?.kind === 'person');
  let eventId = findSameEvent(repo, e, people);
  if (eventId === null) {
    if (!e.date) return;
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
  // An undated mention only adds a source; its sentence may name people of other events.
  if (e.date) repo.addEventActors(eventId, actorIds, d.article.id);
  // Re-derive now, so the next report in this batch compares against the best date known so far.
  recomputeEvent(repo, eventId);
  touched.add(eventId);
}
