import { describe, expect, it } from 'vitest';
import { isPlanned, resolveDate } from '../../src/knowledge/dates.ts';

// 2025-12-01 is a Monday; 2025-11-26 a Wednesday.
const at = (
  sentence: string,
  published: string,
  anchor: Parameters<typeof resolveDate>[1]['anchor'] = null,
) => resolveDate(sentence, { published, planned: isPlanned(sentence), anchor });

describe('date resolution', () => {
  it('reads explicit dates, inferring the year from the publication date', () => {
    expect(at('Putin met the envoys on December 2.', '2026-01-27')).toMatchObject({
      date: '2025-12-02',
      precision: 'day',
      relative: false,
    });
    expect(at('The summit was held on 14 March 2024 in Rome.', '2026-01-01')?.date).toBe('2024-03-14');
  });

  it('puts a weekday in a past-tense sentence on the latest such day up to publication', () => {
    expect(at('The talks unfolded in Florida on Sunday.', '2025-12-01')).toMatchObject({
      date: '2025-11-30',
      precision: 'day',
      relative: true,
    });
    expect(at('The aide said on Wednesday that talks went well.', '2025-11-26')?.date).toBe('2025-11-26');
    expect(at("After Sunday's talks in Geneva, both sides spoke.", '2025-11-26')?.date).toBe('2025-11-23');
    expect(at('Last Wednesday a draft leaked.', '2025-11-26')?.date).toBe('2025-11-19');
  });

  it('puts a weekday in a planned sentence on the next such day', () => {
    expect(at('Macron is scheduled to host him for talks in Paris on Monday.', '2025-11-28')?.date).toBe(
      '2025-12-01',
    );
  });

  it('turns "next week" into a planned range after publication', () => {
    const s = 'The envoy is due in Moscow next week.';
    expect(isPlanned(s)).toBe(true);
    expect(at(s, '2025-11-26')).toMatchObject({
      date: '2025-12-01',
      endDate: '2025-12-07',
      precision: 'range',
    });
  });

  it('reads "plan to" as planning when it is a verb, not when it names a plan', () => {
    expect(isPlanned('The two sides plan to meet in Geneva.')).toBe(true);
    expect(isPlanned('They hope to sign the deal.')).toBe(true);
    expect(isPlanned('Kyiv plans to send a delegation.')).toBe(true);
    expect(isPlanned('That is when a leaked draft of a 28-point US plan to end the war first emerged.')).toBe(
      false,
    );
    expect(isPlanned("Moscow's plan to annex the region was rejected.")).toBe(false);
  });

  it('turns "last week" and "over the weekend" into ranges before publication', () => {
    expect(at('They met in Geneva last week.', '2025-12-01')).toMatchObject({
      date: '2025-11-21',
      endDate: '2025-11-30',
      precision: 'range',
    });
    expect(at('Over the weekend, delegations met in Geneva.', '2025-11-25')).toMatchObject({
      date: '2025-11-22',
      endDate: '2025-11-23',
    });
  });

  it('makes early, mid and late month expressions ranges', () => {
    expect(at('By mid-December, officials announced guarantees.', '2026-01-27')).toMatchObject({
      date: '2025-12-11',
      endDate: '2025-12-20',
      precision: 'range',
    });
    expect(at('In late January 2026, Putin hosted the envoys.', '2026-02-10')).toMatchObject({
      date: '2026-01-21',
      endDate: '2026-01-31',
    });
    expect(at('Attacks resumed in early March.', '2025-03-20')).toMatchObject({
      date: '2025-03-01',
      endDate: '2025-03-10',
    });
  });

  it('reads "by month\'s end" against the month the article was talking about', () => {
    const anchor = {
      date: '2025-11-21',
      endDate: '2025-11-30',
      precision: 'range' as const,
      relative: false,
      expression: '',
    };
    expect(at('By month’s end, a delegation met officials in Florida.', '2026-01-27', anchor)).toMatchObject({
      date: '2025-11-21',
      endDate: '2025-11-30',
    });
  });

  it('reads "as 2025 drew to a close" as the last weeks of the year', () => {
    expect(at('As 2025 drew to a close, the envoy held talks in Miami.', '2026-01-27')).toMatchObject({
      date: '2025-12-15',
      endDate: '2025-12-31',
      precision: 'range',
    });
  });

  it('gives month and year precision to bare months and years', () => {
    expect(at('Talks began in November 2025 in Istanbul.', '2026-01-27')).toMatchObject({
      date: '2025-11-01',
      endDate: '2025-11-30',
      precision: 'month',
    });
    expect(at('The invasion began in 2022.', '2025-12-01')).toMatchObject({
      date: '2022-01-01',
      precision: 'year',
    });
  });

  it('does not date an event with the start of a period', () => {
    expect(at('Meetings have taken place since late 2025.', '2026-01-27')).toBeNull();
  });

  it('ignores durations that are not dates', () => {
    expect(at('They met for about an hour in Davos.', '2026-01-27')).toBeNull();
  });

  it('treats quoted future words as speech, not plans', () => {
    expect(isPlanned('"We will win," he said on Monday.')).toBe(false);
  });
});
