import { describe, expect, it } from 'vitest';
import { eventType, samePlace } from '../../src/knowledge/events.ts';
import { indexArticles, timeline } from '../../src/knowledge/index.ts';
import { countryOfCity } from '../../src/knowledge/vocab/city-countries.ts';
import type { Store } from '../../src/store/index.ts';
import { type InlineArticle, insertArticles } from './corpus.ts';
import { useTempStores } from './store-fixture.ts';

const newStore = useTempStores();

function storeWith(articles: InlineArticle[]): Store {
  const store = newStore();
  indexArticles(store, insertArticles(store, articles, '/tmp/one-event-test'));
  return store;
}

const onDay = (store: Store, day: string) =>
  timeline(store, { limit: 100 }).events.filter((e) => e.date === day);

describe('one place told at two scales', () => {
  it('knows the country of a city, and leaves disputed places out', () => {
    expect(countryOfCity('Ankara')).toBe('Turkey');
    expect(countryOfCity('Geneva')).toBe('Switzerland');
    expect(countryOfCity('Jerusalem')).toBeNull();
  });

  it('takes a city and its country for one place, and two countries or two cities for two', () => {
    expect(samePlace('Ankara', 'Turkey')).toBe(true);
    expect(samePlace('Turkey', 'Ankara')).toBe(true);
    expect(samePlace('Ankara', 'Istanbul')).toBe(false);
    expect(samePlace('Ankara', 'Greece')).toBe(false);
  });

  it('makes one entry of an arrival in a city and a visit to its country on the same day', () => {
    const store = storeWith([
      {
        title: 'Minister lands in Ankara',
        published: '2025-04-09',
        text: 'Foreign Minister Tomas Varga arrived in Ankara on 8 April 2025 for his first trip abroad.',
      },
      {
        title: 'Varga tours the region',
        published: '2025-04-10',
        text: 'Tomas Varga visited Turkey on 8 April 2025, his office said in a short note.',
      },
    ]);
    const visits = onDay(store, '2025-04-08');
    expect(visits).toHaveLength(1);
    expect(visits[0]!.sources).toHaveLength(2);
  });

  it('keeps two visits on one day to cities of different countries apart', () => {
    const store = storeWith([
      {
        title: 'Minister lands in Ankara',
        published: '2025-04-09',
        text: 'Foreign Minister Tomas Varga arrived in Ankara on 8 April 2025 for his first trip abroad.',
      },
      {
        title: 'Minister in Athens',
        published: '2025-04-09',
        text: 'Tomas Varga visited Greece on 8 April 2025 before flying home.',
      },
    ]);
    expect(onDay(store, '2025-04-08')).toHaveLength(2);
  });
});

describe('a statement that reports an agreement', () => {
  it('is the agreement, unless it says none was reached', () => {
    expect(eventType('Peru and Ecuador have agreed to a truce, the foreign minister confirmed.')).toBe(
      'agreement',
    );
    expect(eventType('The two sides signed the border accord, a spokesman said.')).toBe('agreement');
    expect(eventType('The minister said the agreement was a poor one.')).toBe('statement');
    expect(eventType('The envoy said the parties had not agreed to a truce.')).toBe('statement');
  });

  it('makes one entry of a truce told as a confirmation and as a signature on the same day', () => {
    const store = storeWith([
      {
        title: 'Truce confirmed',
        published: '2025-05-11',
        text: 'Peru and Ecuador have agreed to a ceasefire, Foreign Minister Tomas Varga confirmed on 10 May 2025.',
      },
      {
        title: 'Truce signed',
        published: '2025-05-11',
        text: 'Peru and Ecuador signed a truce on 10 May 2025, mediator Ana Lindqvist said.',
      },
    ]);
    const day = onDay(store, '2025-05-10');
    expect(day).toHaveLength(1);
    expect(day[0]!.title).toMatch(/^Agreement/);
    expect(day[0]!.sources).toHaveLength(2);
  });
});

describe('a report of one exact day', () => {
  it('joins the entry of that day in its own article rather than a talk of "this year" elsewhere', () => {
    const store = storeWith([
      {
        title: 'Hopes for talks',
        published: '2025-06-03',
        text: 'President Mirela Dascalu hoped to hold talks with Premier Ion Petrescu and the Moldova delegation in Chisinau this year.',
      },
      {
        title: 'Premier addresses parliament',
        published: '2025-09-23',
        text: [
          'Premier Ion Petrescu addressed a session of parliament on 22 September 2025.',
          'On 22 September 2025 Petrescu said Moldova was open to talks with President Mirela Dascalu in Chisinau.',
        ].join('\n'),
      },
    ]);
    const day = onDay(store, '2025-09-22');
    expect(day).toHaveLength(1);
    expect(day[0]!.sources).toHaveLength(1);
    expect(timeline(store, { limit: 100 }).events.some((e) => e.date === '2025-01-01')).toBe(true);
  });
});
