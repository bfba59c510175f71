import { describe, expect, it } from 'vitest';
import { indexArticles, suggestActors, timeline, whois } from '../../src/knowledge/index.ts';
import type { Store } from '../../src/store/index.ts';
import { type InlineArticle, insertArticles } from './corpus.ts';
import { useTempStores } from './store-fixture.ts';

const newStore = useTempStores();

function storeWith(articles: InlineArticle[]): { store: Store; ids: number[] } {
  const store = newStore();
  const ids = insertArticles(store, articles, '/tmp/knowledge-test');
  indexArticles(store, ids);
  return { store, ids };
}

const A = {
  title: 'Envoys meet in Oslo',
  published: '2024-03-06',
  text: [
    'Norwegian Foreign Minister Ingrid Solberg hosted talks in Oslo on Monday with Jonas Thompson, a senior fellow at the Nordic Policy Institute.',
    'Solberg said the talks were useful.',
    'Separately, Maria Thompson, the Danish ambassador to Norway, met Solberg in Oslo on Tuesday.',
  ].join('\n'),
};
const B = {
  title: 'Oslo talks continue',
  published: '2024-03-08',
  text: [
    'Talks in Oslo on Monday between Ingrid Solberg and Jonas Thompson ended without a deal, officials said.',
    'Lucas Thompson on',
    'Great article, thanks.',
  ].join('\n'),
};

describe('whois and timeline from the store', () => {
  it('attaches a bare surname to the full name in the article', () => {
    const { store } = storeWith([A]);
    const r = whois(store, 'Solberg');
    expect(r.actor?.name).toBe('Ingrid Solberg');
    expect(r.actor?.role).toBe('Norwegian Foreign Minister');
    expect(r.actor?.affiliation).toBe('Norway');
    expect(r.actor?.mentions).toBe(3);
  });

  it('keeps two people with the same surname apart and lists both for the surname', () => {
    const { store } = storeWith([A]);
    const r = whois(store, 'Thompson');
    expect(r.actor).toBeNull();
    expect(r.candidates.map((c) => c.name).sort()).toEqual(['Jonas Thompson', 'Maria Thompson']);
    expect(whois(store, 'Maria Thompson').actor?.role).toBe('Danish ambassador to Norway');
  });

  it('answers an unknown name with close suggestions', () => {
    const { store } = storeWith([A]);
    // 'Solbreg' is a vowel variant the key already merges; a changed consonant is a typo.
    expect(whois(store, 'Solbreg').actor?.name).toBe('Ingrid Solberg');
    const r = whois(store, 'Solbert');
    expect(r.actor).toBeNull();
    expect(r.suggestions).toContain('Ingrid Solberg');
  });

  it('merges the same event reported by two articles into one entry with both sources', () => {
    const { store, ids } = storeWith([A, B]);
    const oslo = timeline(store, {}).events.filter((e) => e.date === '2024-03-04');
    expect(oslo).toHaveLength(1);
    expect(oslo[0]!.sources.map((s) => s.articleId).sort()).toEqual([...ids].sort());
    expect(oslo[0]!.place).toBe('Oslo');
    expect(oslo[0]!.actors).toEqual(expect.arrayContaining(['Ingrid Solberg', 'Jonas Thompson']));
  });

  it('does not make a comment author an actor', () => {
    const { store } = storeWith([A, B]);
    expect(whois(store, 'Lucas Thompson').actor).toBeNull();
  });

  it('re-indexing an article replaces what it contributed', () => {
    const { store, ids } = storeWith([A, B]);
    const before = JSON.stringify([whois(store, 'Solberg'), timeline(store, {})]);
    indexArticles(store, ids);
    indexArticles(store, [ids[1]!]);
    expect(JSON.stringify([whois(store, 'Solberg'), timeline(store, {})])).toBe(before);
  });

  it('filters the timeline by actor, dates and words', () => {
    const { store } = storeWith([A, B]);
    expect(timeline(store, { actor: 'Maria Thompson' }).events.map((e) => e.date)).toEqual(['2024-03-05']);
    expect(timeline(store, { from: '2024-03-05' }).events.map((e) => e.date)).toEqual(['2024-03-05']);
    expect(timeline(store, { to: '2024-03-04' }).events.map((e) => e.date)).toEqual(['2024-03-04']);
    expect(timeline(store, { query: 'Danish ambassador' }).events).toHaveLength(1);
    expect(() => timeline(store, { actor: 'Nobody Atall' })).toThrow(/no actor named/);
    expect(() => timeline(store, { from: 'soon' })).toThrow(/not a date/);
  });

  it('suggests by prefix first, accent-insensitively', () => {
    const { store } = storeWith([A]);
    expect(suggestActors(store, 'solb').map((s) => s.name)).toEqual(['Ingrid Solberg']);
    expect(
      suggestActors(store, 'thom')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Jonas Thompson', 'Maria Thompson']);
    expect(suggestActors(store, 'Sölberg').map((s) => s.name)).toEqual(['Ingrid Solberg']);
  });

  it('names first in an event title the people most of its reports name', () => {
    const talks = (title: string, text: string) => ({ title, published: '2024-03-06', text });
    const { store } = storeWith([
      talks(
        'Vienna round',
        'Foreign Minister Zofia Marquardt held talks in Vienna on 4 March 2024 with envoy Anton Brandt.',
      ),
      talks('Vienna talks', 'Zofia Marquardt held talks in Vienna on 4 March 2024 with both delegations.'),
      talks(
        'Brandt profile',
        [
          'Envoy Anton Brandt has spent a decade on the file, colleagues said.',
          'Brandt was born in Graz and studied law.',
          'Brandt later joined the foreign service, where Brandt led the trade desk.',
        ].join('\n'),
      ),
    ]);
    const vienna = timeline(store, { limit: 50 }).events.find((e) => e.place === 'Vienna');
    expect(vienna?.title).toBe('Talks in Vienna: Zofia Marquardt, Anton Brandt');
    expect(whois(store, 'Brandt').actor!.mentions).toBeGreaterThan(whois(store, 'Marquardt').actor!.mentions);
  });

  it('does not count a leader as taking part when only "the <name> administration" does', () => {
    const { store } = storeWith([
      {
        title: 'Vienna round',
        published: '2024-03-06',
        text: [
          'President Erik Halvorsen said on Friday that his government wanted a deal before the summer.',
          'Negotiators for the Halvorsen administration held talks in Vienna on 4 March 2024 with envoy Anton Brandt.',
        ].join('\n'),
      },
    ]);
    expect(whois(store, 'Halvorsen').actor?.name).toBe('Erik Halvorsen');
    const vienna = timeline(store, { limit: 50 }).events.find((e) => e.place === 'Vienna');
    expect(vienna?.title).toBe('Talks in Vienna: Anton Brandt');
  });
});
