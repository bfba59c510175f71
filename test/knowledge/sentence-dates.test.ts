import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/knowledge/analyze.ts';
import { sentenceDates } from '../../src/knowledge/sentence-dates.ts';

// 2025-03-12 is a Wednesday.
const ctx = { published: '2025-03-12', planned: false, anchor: null };
const days = (s: string) => {
  const d = sentenceDates(s, ctx);
  return {
    date: d.date?.date,
    planned: d.planned,
    spoken: d.spoken?.date ?? null,
    more: d.more.map((m) => m.date),
  };
};

describe('the dates of a sentence', () => {
  it('reads a list of days in one month as several days of the article year', () => {
    expect(days('The commission met on March 3, 5 and 10 in the border town.')).toEqual({
      date: '2025-03-03',
      planned: false,
      spoken: null,
      more: ['2025-03-05', '2025-03-10'],
    });
  });

  it('keeps a later day of the same year for what is scheduled', () => {
    expect(days('The next round is scheduled for May 20 in the capital.')).toMatchObject({
      date: '2025-05-20',
      planned: true,
    });
  });

  it('dates reported speech apart from the event it announces', () => {
    // Said on Monday (day 1) that talks will be held on Wednesday (day 3): the talks are planned.
    expect(days('The mediator said on Monday that the talks will be held on Wednesday.')).toEqual({
      date: '2025-03-12',
      planned: true,
      spoken: '2025-03-10',
      more: [],
    });
    expect(days('A statement issued on Friday was historic, the adviser said on Sunday.')).toMatchObject({
      date: '2025-03-07',
      spoken: '2025-03-09',
    });
  });

  it('takes a dateline for the day of the report, not of the event it announces', () => {
    expect(days('HARBOUR CITY, March 10: The two ministers met on Saturday at the port.').date).toBe(
      '2025-03-08',
    );
    expect(days('HARBOUR CITY, March 10: The two ministers met at the port.').date).toBeUndefined();
  });

  it('reads "Monday\'s talks" as Monday', () => {
    expect(days("Monday's talks ended without a statement.").date).toBe('2025-03-10');
  });

  it('gives "today" and "yesterday" inside a quote to the speaker, not to the publication', () => {
    expect(days('The envoy said on Monday: "Today the talks begin."').date).toBe('2025-03-10');
    // Who spoke when is unknown here: the quoted "today" dates nothing.
    expect(days('"Today the talks begin," the envoy told reporters.').date).toBeUndefined();
  });
});

describe('events of a sentence with a speaker', () => {
  it('makes the talks a planned event and the announcement a statement of its own day', () => {
    const { events } = analyseArticle({
      text: 'Foreign Minister Lena Park said on Monday that talks with the union will be held in Tallinn on Wednesday.',
      published: '2025-03-12',
      publishedEstimated: false,
    });
    expect(events.map((e) => [e.type, e.date?.date, e.planned])).toEqual([
      ['statement', '2025-03-10', false],
      ['talks', '2025-03-12', true],
    ]);
  });

  it('makes one event per day of a list', () => {
    const { events } = analyseArticle({
      text: 'Foreign Minister Lena Park met the union leaders in Tallinn on March 3, 5 and 10.',
      published: '2025-03-12',
      publishedEstimated: false,
    });
    expect(events.map((e) => e.date?.date)).toEqual(['2025-03-03', '2025-03-05', '2025-03-10']);
  });

  it('folds a statement of the same day into the event it speaks of, with its speakers', () => {
    const { events, actors } = analyseArticle({
      text: 'Pakistan and India agreed to a ceasefire on Saturday. Foreign Minister Ishaq Dar said on Saturday that Pakistan and India had stopped firing.',
      published: '2025-05-10',
      publishedEstimated: false,
    });
    expect(events.map((e) => e.type)).toEqual(['agreement']);
    expect(events[0]!.actors.map((i) => actors[i]!.name)).toEqual(
      expect.arrayContaining(['Ishaq Dar', 'Pakistan', 'India']),
    );
  });
});
