import type { Store } from '../store/index.ts';
import type { ActorRow } from '../store/knowledge.ts';
import type { Audience } from '../store/tenants.ts';
import { actorsWithTerm } from './actors.ts';
import { fold, nameKey } from './names.ts';
import { toSource } from './sources.ts';
import { suggestActorNames } from './suggest.ts';
import type { WhoisActor, WhoisResult } from './types.ts';

/**
 * Actors a typed name may mean: exact name, alias or surname; a bare-surname actor yields to full
 * names. Failing those, the people one of whose name words or runs of words it is ("Shehbaz",
 * "bin Zayed", "Abu Qasra"). Only actors the audience's sources name (default: the operator's).
 */
export function lookupActors(store: Store, name: string, audience?: Audience): ActorRow[] {
  const typed = name.replace(/^\s*(the)\s+/i, '');
  const key = nameKey(typed);
  if (!key) return [];
  const found = store.knowledgeFor(audience).actorsNamed(key);
  if (!found.length) return byNameWords(store, typed, key, audience);
  const exact = found.filter((a) => a.key === key);
  if (exact.length === 1 && (exact[0]!.words > 1 || found.length === 1)) return exact;
  const full = found.filter((a) => !(a.kind === 'person' && a.words === 1));
  return full.length ? full : found;
}

function byNameWords(store: Store, typed: string, key: string, audience: Audience | undefined): ActorRow[] {
  const repo = store.knowledge;
  const ids = new Set([...actorsWithTerm(repo, fold(typed)), ...actorsWithTerm(repo, key)]);
  // The terms index knows every tenant's actors: keep those this audience's sources name.
  const seen = store
    .knowledgeFor(audience)
    .actorNames([...ids])
    .map((a) => a.id);
  const actors = seen.map((id) => repo.actor(id)).filter((a): a is ActorRow => a !== undefined);
  const full = actors.filter((a) => !(a.kind === 'person' && a.words === 1));
  return (full.length ? full : actors).sort((a, b) => b.mentions - a.mentions);
}

function describe(store: Store, a: ActorRow, audience: Audience | undefined): WhoisActor {
  const repo = store.knowledgeFor(audience);
  const history = repo.roleHistory(a.id, 5);
  const articles = repo.articleSources([...new Set(history.flatMap((r) => r.articleIds))]);
  const roles = history.map((r) => ({
    role: r.role,
    date: r.date,
    sources: r.articleIds.flatMap((id) => {
      const src = articles.get(id);
      return src ? [toSource(src)] : [];
    }),
  }));
  const profile = [...new Set(repo.profileSentences(a.id, 3))].join(' ');
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    aliases: repo.aliases(a.id).filter((x) => x !== a.name),
    role: a.role,
    roles,
    affiliation: a.affiliation,
    profile: profile.length > 700 ? `${profile.slice(0, 697).replace(/\s+\S*$/, '')}…` : profile,
    firstSeen: a.firstSeen,
    lastSeen: a.lastSeen,
    mentions: a.mentions,
    related: repo.related(a.id, 8),
    events: repo.actorEvents(a.id, 5).map((e) => ({ date: e.date, title: e.title })),
    sources: repo.actorSources(a.id, 10).map(toSource),
  };
}

export function whoisQuery(store: Store, name: string, audience?: Audience): WhoisResult {
  const query = name.trim();
  const found = lookupActors(store, query, audience);
  if (found.length === 1)
    return { query, actor: describe(store, found[0]!, audience), candidates: [], suggestions: [] };
  if (found.length > 1) {
    return {
      query,
      actor: null,
      candidates: found.slice(0, 10).map((a) => ({ id: a.id, name: a.name, kind: a.kind, role: a.role })),
      suggestions: [],
    };
  }
  const suggestions = suggestActorNames(store, query, 5, audience).map((s) => s.name);
  return { query, actor: null, candidates: [], suggestions };
}
