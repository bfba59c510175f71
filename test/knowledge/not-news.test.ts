import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/knowledge/analyze.ts';
import { backReference, pastPerfectAsides } from '../../src/knowledge/asides.ts';
import { indexArticles, timeline } from '../../src/knowledge/index.ts';
import type { Store } from '../../src/store/index.ts';
import { type InlineArticle, insertArticles } from './corpus.ts';
import { useTempStores } from './store-fixture.ts';

// Sentences that look like events and tell none: a look back at an earlier meeting, a date that
// belongs to an aside about the speaker, a meeting only hoped for with neither day nor venue.

const newStore = useTempStores();

function storeWith(articles: InlineArticle[]): Store {
  const store = newStore();
  indexArticles(store, insertArticles(store, articles, '/tmp/not-news-test'));
  return store;
}

const events = (text: string, published = '2024-06-12') =>
  analyseArticle({ text, published, publishedEstimated: false }).events;

describe('a back-reference to an earlier event', () => {
  it('is found after the verb that looks back, and at the head of a sentence up to its comma', () => {
    const s = "Today's sessions follow an earlier round in Tallinn, where the envoys drafted a text.";
    expect(s.slice(backReference(s)!.start)).toMatch(/^follow an earlier round/);
    expect(backReference(s)!.end).toBe(s.length);
    const head = 'After a previous round in Riga, the ministers met in Vilnius on Monday.';
    expect(head.slice(0, backReference(head)!.end)).toBe('After a previous round in Riga,');
    expect(backReference('The talks followed a tense week of shelling.')).toBeNull();
    expect(backReference('Talks resumed after last-minute changes to the agenda.')).toBeNull();
  });

  it('makes no entry of its own, nor lends its place and people to the told event', () => {
    const found = events(
      "This week's grid sessions follow a previous gathering in Tallinn, where Minister Ilse Karsten and the Latvian team worked on the draft.",
    );
    expect(found).toEqual([]);
    const told = events(
      'Recent talks between the two grid operators in Vilnius followed earlier meetings in Riga, where Ilse Karsten spoke.',
    );
    expect(told.map((e) => e.place)).toEqual(['Vilnius']);
  });
});

describe('a past-perfect aside about the speaker', () => {
  it('keeps its date from the statement that follows it', () => {
    const s = 'The minister, Ilse Karsten, who had looked tired over the weekend, said the deal was close.';
    expect(pastPerfectAsides(s).map((a) => s.slice(a.start, a.end))).toEqual([
      ', who had looked tired over the weekend',
    ]);
    expect(events(s)).toEqual([]);
  });

  it('leaves a date of the main clause alone', () => {
    const found = events(
      'Ilse Karsten, who had led the first round, said on Monday that the grid accord was close.',
    );
    expect(found.map((e) => [e.type, e.date?.date])).toEqual([['statement', '2024-06-10']]);
  });
});

describe('a planned event with neither a day nor a venue', () => {
  it('is no entry by itself', () => {
    const store = storeWith([
      {
        title: 'Grid talks',
        published: '2024-06-12',
        text: 'Ilse Karsten hopes that her long-awaited meeting with Minister Jonas Petraitis would take place this month.',
      },
    ]);
    expect(timeline(store, { from: '2024-01-01' }).events).toEqual([]);
  });

  it('joins the known event it speaks of, which stays not planned', () => {
    const store = storeWith([
      {
        title: 'Ministers meet',
        published: '2024-06-12',
        text: 'Ilse Karsten met Jonas Petraitis in Vilnius on Tuesday to discuss the grid link.',
      },
      {
        title: 'A meeting awaited',
        published: '2024-06-13',
        text: 'Ilse Karsten said that her long-awaited meeting with Minister Jonas Petraitis would take place this week.',
      },
    ]);
    const all = timeline(store, { from: '2024-01-01' }).events;
    expect(all.map((e) => [e.date, e.place, e.planned, e.sources.length])).toEqual([
      ['2024-06-11', 'Vilnius', false, 2],
    ]);
  });

  it('stays an entry, marked planned, when it has a day', () => {
    const store = storeWith([
      {
        title: 'Grid talks',
        published: '2024-06-12',
        text: 'Ilse Karsten will meet Jonas Petraitis on June 20 to sign the grid accord.',
      },
    ]);
    const all = timeline(store, { from: '2024-01-01' }).events;
    expect(all.map((e) => [e.date, e.planned])).toEqual([['2024-06-20', true]]);
  });
});
