import type { Store } from '../store/index.ts';
import type { Audience } from '../store/tenants.ts';
import { editDistance, fold, nameKey } from './names.ts';

const FUZZY_POOL = 3000;

/**
 * Actor names for what the user typed: prefix matches on any name word (accent- and
 * transliteration-insensitive) by mentions, then close spellings.
 */
export function suggestActorNames(
  store: Store,
  typed: string,
  limit = 25,
  audience?: Audience,
): { id: number; name: string }[] {
  const repo = store.knowledgeFor(audience);
  const folded = fold(typed);
  if (!folded) return [];
  const keyed = nameKey(typed);
  const seen = new Map<number, { id: number; name: string }>();
  for (const prefix of new Set([folded, keyed])) {
    for (const a of repo.actorsByPrefix(prefix, limit))
      if (seen.size < limit) seen.set(a.id, { id: a.id, name: a.name });
  }
  if (seen.size >= limit || folded.length < 3) return [...seen.values()].slice(0, limit);
  // Fuzzy: terms sharing the first letter, by edit distance to the typed key.
  const max = folded.length <= 5 ? 1 : 2;
  const scored = new Map<number, number>();
  const terms = repo.termsStartingWith(keyed.slice(0, 1), keyed.length - max, keyed.length + 12, FUZZY_POOL);
  for (const { term, actorId } of terms) {
    if (seen.has(actorId)) continue;
    const d = Math.min(
      editDistance(keyed, term, max),
      editDistance(keyed, term.slice(0, keyed.length), max) + 1,
    );
    if (d <= max && d < (scored.get(actorId) ?? Number.POSITIVE_INFINITY)) scored.set(actorId, d);
  }
  const names = new Map(repo.actorNames([...scored.keys()]).map((a) => [a.id, a]));
  const fuzzy = [...scored]
    .sort((a, b) => a[1] - b[1] || (names.get(b[0])?.mentions ?? 0) - (names.get(a[0])?.mentions ?? 0))
    .map(([id]) => names.get(id))
    .filter((a) => a !== undefined);
  for (const a of fuzzy) if (seen.size < limit) seen.set(a.id, { id: a.id, name: a.name });
  return [...seen.values()];
}
