import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchTerms } from '../src/knowledge/actors.ts';
import { suggestActors, timeline, whois } from '../src/knowledge/index.ts';
import { fold, nameKey, surnameKey } from '../src/knowledge/names.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { rng, SYLLABLES } from './synthetic-corpus.ts';

// bench:query — a synthetic store of 50,000 articles with generated people, organisations, places,
// roles and events, written through the repositories directly, then timed whois / timeline /
// autocomplete queries. Figures: p50 and p99 latency per query kind, and peak RSS.

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 50_000);
const PEOPLE = 6_000;
const ORGS = 600;
const PLACES = 150;
const QUERIES = 400;

const rand = rng(42);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
/** Skewed pick: a few actors appear in many articles, most in few (as in news). */
const zipf = <T>(xs: T[]): T => xs[Math.floor(xs.length * rand() ** 3)]!;
const word = (n: number) => {
  const w = Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  return w[0]!.toUpperCase() + w.slice(1);
};
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

interface Actor {
  id: number;
  name: string;
  kind: 'person' | 'organisation' | 'place';
}

function day(i: number): string {
  const d = new Date(Date.UTC(2020, 0, 1) + Math.floor((i / ARTICLES) * 6 * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function build(store: Store): { people: Actor[]; orgs: Actor[] } {
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
  for (let start = 0; start < ARTICLES; start += BATCH) {
    store.transaction(() => {
      for (let i = start; i < Math.min(ARTICLES, start + BATCH); i++) {
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

function time(label: string, inputs: string[], run: (input: string) => unknown): string {
  const ms: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    run(input);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  return `| ${label} | ${inputs.length} | ${at(0.5)} | ${at(0.99)} | ${ms[ms.length - 1]!.toFixed(2)} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-query-'));
try {
  const store = openStore(join(dir, 'store.db'));
  const t0 = performance.now();
  const { people, orgs } = build(store);
  const buildSeconds = ((performance.now() - t0) / 1000).toFixed(1);
  const counts = store.knowledge.counts();
  const names = Array.from({ length: QUERIES }, () => zipf(people).name);
  const surnames = names.map((n) => n.split(' ').pop()!);
  const prefixes = Array.from({ length: QUERIES }, () =>
    fold(pick(people).name).slice(0, 2 + Math.floor(rand() * 3)),
  );
  const typos = names.map((n) => `${n.slice(0, -2)}${n.slice(-1)}`);
  const rows = [
    time('whois full name', names, (n) => whois(store, n)),
    time('whois surname', surnames, (n) => whois(store, n)),
    time('whois unknown (suggestions)', typos, (n) => whois(store, n)),
    time(
      'whois organisation',
      Array.from({ length: QUERIES }, () => zipf(orgs).name),
      (n) => whois(store, n),
    ),
    time('timeline latest 50', names.slice(0, 100), () => timeline(store, {})),
    time('timeline --actor', names, (n) => timeline(store, { actor: n, limit: 50 })),
    time('timeline --from --to', names, (_n) =>
      timeline(store, { from: day(Math.floor(rand() * ARTICLES)), to: '2025-12-31', limit: 50 }),
    ),
    time('timeline --query', names, (n) => timeline(store, { query: `talks ${n.split(' ')[0]}`, limit: 50 })),
    time('autocomplete prefix', prefixes, (p) => suggestActors(store, p, 25)),
  ];
  const rss = process.resourceUsage().maxRSS / 1024;
  store.close();
  console.log(`### Knowledge queries\n`);
  console.log(
    `Synthetic store: ${ARTICLES.toLocaleString('en')} articles, ${counts.actors.toLocaleString('en')} actors, ${counts.events.toLocaleString('en')} events (built in ${buildSeconds} s). Peak RSS ${rss.toFixed(0)} MB. Latency in ms.\n`,
  );
  console.log('| query | runs | p50 | p99 | max |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
