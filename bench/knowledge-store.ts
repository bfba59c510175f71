import { searchTerms } from '../src/knowledge/actors.ts';
import { nameKey, surnameKey } from '../src/knowledge/names.ts';
import type { Store } from '../src/store/index.ts';
import { SYLLABLES } from './synthetic-corpus.ts';

// A synthetic knowledge store of generated people, organisations and places with a skewed frequency,
// roles and one event per two articles: bench:query times queries on it, bench:startup the CLI.

const PEOPLE = 6_000;
const ORGS = 600;
const PLACES = 150;

const ROLES = [
  'foreign minister',
  'special envoy',
  'chief of staff',
  'senior adviser',
  'spokesman',
  'ambassador',
  'defence minister',
  'prime minister',
  'president',
];
const TYPES = ['talks', 'meeting', 'visit', 'call', 'statement', 'attack', 'agreement'];

export interface Actor {
  id: number;
  name: string;
  kind: 'person' | 'organisation' | 'place';
}

/** The publication day of article `i` of `articles`, spread over six years from 2020. */
export function articleDay(i: number, articles: number): string {
  const d = new Date(Date.UTC(2020, 0, 1) + Math.floor((i / articles) * 6 * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Writes `articles` synthetic articles with their people, organisations, places, roles and events
 * through the repositories (no extraction), drawing from `rand`.
 */
export function buildKnowledgeStore(
  store: Store,
  articles: number,
  rand: () => number,
): { people: Actor[]; orgs: Actor[] } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const zipf = <T>(xs: T[]): T => xs[Math.floor(xs.length * rand() ** 3)]!;
  const word = (n: number) => {
    const w = Array.from({ length: n }, () => pick(SYLLABLES)).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const day = (i: number) => articleDay(i, articles);
  const repo = store.knowledge;
  const make = (name: string, kind: Actor['kind']): Actor => {
    const key = nameKey(name);
    const existing = repo.findActor(kind, key);
    if (existing) return { id: existing.id, name: existing.name, kind };
    const id = repo.createActor({
      name,
      kind,
      key,
      surnameKey: kind === 'person' ? surnameKey(name) : null,
      words: name.split(' ').length,
    });
    repo.addAliases(id, [{ alias: name, key }], searchTerms([name]));
    return { id, name, kind };
  };
  const people: Actor[] = [];
  const orgs: Actor[] = [];
  const places: Actor[] = [];
  store.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) people.push(make(`${word(2)} ${word(2 + (i % 2))}`, 'person'));
    for (let i = 0; i < ORGS; i++)
      orgs.push(
        make(`${word(2)} ${pick(['Council', 'Ministry', 'Agency', 'Forum', 'Party'])}`, 'organisation'),
      );
    for (let i = 0; i < PLACES; i++) places.push(make(word(3), 'place'));
  });
  const BATCH = 2_000;
  let eventId = 0;
  for (let start = 0; start < articles; start += BATCH) {
    store.transaction(() => {
      for (let i = start; i < Math.min(articles, start + BATCH); i++) {
        const published = day(i);
        const cast = [zipf(people), zipf(people), pick(people), zipf(orgs)];
        const place = zipf(places);
        const text = `${cast[0]!.name} met ${cast[1]!.name} in ${place.name} for talks on security. ${cast[2]!.name}, ${pick(ROLES)}, said progress was made.`;
        const articleId = store.articles.insert({
          origin: `bench:${i}`,
          kind: 'file',
          path: `/bench/${i}.txt`,
          title: `Talks in ${place.name} ${i}`,
          published: `${published}T08:00:00.000Z`,
          publishedEstimated: false,
          dateSource: 'front-matter',
          text,
          removed: [],
          tags: [],
          words: text.split(' ').length,
          contentHash: `h${i}`,
        });
        for (const a of new Set(cast))
          repo.addMention(a.id, articleId, 1 + Math.floor(rand() * 3), text, published);
        repo.addMention(place.id, articleId, 1, text, published);
        repo.addRole(cast[2]!.id, articleId, {
          role: pick(ROLES),
          roleKey: '',
          past: false,
          affiliation: null,
          date: published,
        });
        // Every other article reports a new event; the rest add a source to a recent one.
        if (i % 2 === 0 || eventId === 0) {
          const type = pick(TYPES);
          eventId = repo.createEvent({
            type,
            family: type,
            date: published,
            endDate: null,
            precision: 'day',
            uncertain: false,
            planned: false,
            title: `${type} in ${place.name}: ${cast[0]!.name}, ${cast[1]!.name}`,
            summary: text,
            place: place.name,
          });
        }
        repo.addEventSource({
          eventId,
          articleId,
          type: 'talks',
          date: published,
          endDate: null,
          precision: 'day',
          uncertain: false,
          planned: false,
          place: place.name,
          sentence: text,
        });
        repo.addEventActors(
          eventId,
          cast.map((a) => a.id),
          articleId,
        );
      }
    });
  }
  store.transaction(() => {
    for (const a of [...people, ...orgs, ...places]) repo.refreshActor(a.id, pick(ROLES), null);
  });
  return { people, orgs };
}
