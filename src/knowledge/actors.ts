import type { ActorRow, KnowledgeRepo } from '../store/knowledge.ts';
import type { LocalActor } from './actor-table.ts';
import { fold, nameKey, nameWords } from './names.ts';
import { fullNamesMatch, wordOfName } from './same-person.ts';

/** Longest name (in words) whose every run of words is a search term. */
const MAX_TERM_WORDS = 8;

/**
 * Search terms: folded and keyed forms of every run of words of each name, so that a person is found
 * by any of their name words or multi-word surnames ("Jong-un", "bin Zayed", "von der Leyen").
 */
export function searchTerms(names: Iterable<string>): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const words = nameWords(name).slice(0, MAX_TERM_WORDS);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length; j++) {
        const run = words.slice(i, j).join(' ');
        terms.add(fold(run));
        terms.add(nameKey(run));
      }
    }
  }
  terms.delete('');
  return [...terms];
}

function remember(repo: KnowledgeRepo, id: number, local: LocalActor): void {
  const aliases = [...local.aliases].map((alias) => ({ alias, key: nameKey(alias) }));
  repo.addAliases(id, aliases, searchTerms([local.name, ...local.aliases]));
}

/** Actors with exactly this search term (any run of their name words). */
export function actorsWithTerm(repo: KnowledgeRepo, term: string): number[] {
  if (!term) return [];
  const ids = repo
    .termsStartingWith(term, term.length, term.length, 200)
    .filter((t) => t.term === term)
    .map((t) => t.actorId);
  return [...new Set(ids)];
}

/** People already stored who may be this person under another spelling or a fuller form. */
function storedCandidates(repo: KnowledgeRepo, local: LocalActor): ActorRow[] {
  const byId = new Map<number, ActorRow>();
  for (const p of repo.peopleBySurname(local.surnameKey)) byId.set(p.id, p);
  for (const id of actorsWithTerm(repo, local.key)) {
    const a = repo.actor(id);
    if (a?.kind === 'person') byId.set(a.id, a);
  }
  return [...byId.values()].filter((p) => p.words > 1);
}

/**
 * The store actor for a full name, organisation or place, created if new. A full name that is a
 * stored one with a word more or less ("Donald J. Trump", "Asaad Hassan Al-Shibani") is that person
 * when only one matches; a new full name absorbs a bare-surname actor when it is the only person with
 * that surname.
 */
export function resolveNamedActor(repo: KnowledgeRepo, local: LocalActor, touched: Set<number>): number {
  let id = repo.findActor(local.kind, local.key)?.id;
  if (id === undefined && local.kind === 'person') {
    const same = storedCandidates(repo, local).filter((p) => fullNamesMatch(p.name, local.name));
    if (same.length === 1) id = same[0]!.id;
  }
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

/** The one stored full name that has this word among its other names (a given name, a second surname). */
function fullNameWithWord(repo: KnowledgeRepo, local: LocalActor): number | undefined {
  const people = actorsWithTerm(repo, local.key)
    .map((id) => repo.actor(id))
    .filter((a): a is ActorRow => a?.kind === 'person' && a.words > 1)
    .filter((a) => wordOfName(local.name, a.name) !== null);
  return people.length === 1 ? people[0]!.id : undefined;
}

/**
 * The store actor a bare surname refers to: the one full name with that surname (or, failing that,
 * with that word among its names), else (when a title made it a person, "President Trump") a
 * surname-only actor. Ambiguous or unknown words give null.
 */
export function resolveSurname(repo: KnowledgeRepo, local: LocalActor, touched: Set<number>): number | null {
  const people = repo.peopleBySurname(local.surnameKey);
  const full = people.filter((p) => p.words > 1);
  let id: number | undefined;
  if (full.length === 1) id = full[0]!.id;
  else if (full.length === 0) id = fullNameWithWord(repo, local);
  if (id === undefined && full.length === 0 && (local.titled || people.length > 0)) {
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
