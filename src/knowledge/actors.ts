import type { KnowledgeRepo } from '../store/knowledge.ts';
import type { LocalActor } from './analyze.ts';
import { fold, nameKey, nameWords } from './names.ts';

/** Search terms for autocomplete: folded and keyed forms of every word suffix of each name. */
export function searchTerms(names: Iterable<string>): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const words = nameWords(name);
    for (let i = 0; i < words.length; i++) {
      const suffix = words.slice(i).join(' ');
      terms.add(fold(suffix));
      terms.add(nameKey(suffix));
    }
  }
  terms.delete('');
  return [...terms];
}

function remember(repo: KnowledgeRepo, id: number, local: LocalActor): void {
  const aliases = [...local.aliases].map((alias) => ({ alias, key: nameKey(alias) }));
  repo.addAliases(id, aliases, searchTerms([local.name, ...local.aliases]));
}

/**
 * The store actor for a full name, organisation or place, created if new. A new full name absorbs a
 * bare-surname actor made earlier when it is the only person with that surname.
 */
export function resolveNamedActor(repo: KnowledgeRepo, local: LocalActor, touched: Set<number>): number {
  const existing = repo.findActor(local.kind, local.key);
  let id = existing?.id;
  if (id === undefined) {
    const words = nameWords(local.name).length;
    id = repo.createActor({
      name: local.name,
      kind: local.kind,
      key: local.key,
      surnameKey: local.kind === 'person' ? local.surnameKey : null,
      words,
    });
    if (local.kind === 'person' && words > 1) {
      const sameSurname = repo.peopleBySurname(local.surnameKey);
      const full = sameSurname.filter((p) => p.words > 1);
      if (full.length === 1) {
        for (const bare of sameSurname.filter((p) => p.words === 1)) repo.mergeActor(bare.id, id);
      }
    }
  }
  remember(repo, id, local);
  touched.add(id);
  return id;
}

/**
 * The store actor a bare surname refers to: the one full name with that surname, else (when a title
 * made it a person, "President Trump") a surname-only actor. Ambiguous or unknown words give null.
 */
export function resolveSurname(repo: KnowledgeRepo, local: LocalActor, touched: Set<number>): number | null {
  const people = repo.peopleBySurname(local.surnameKey);
  const full = people.filter((p) => p.words > 1);
  let id: number | undefined;
  if (full.length === 1) id = full[0]!.id;
  else if (full.length === 0 && (local.titled || people.length > 0)) {
    id =
      people[0]?.id ??
      repo.createActor({
        name: local.name,
        kind: 'person',
        key: local.key,
        surnameKey: local.surnameKey,
        words: 1,
      });
  }
  if (id === undefined) return null;
  remember(repo, id, local);
  touched.add(id);
  return id;
}
