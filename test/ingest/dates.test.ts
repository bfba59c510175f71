import { describe, expect, it } from 'vitest';
import { datelineOf, estimateDateFromText, normaliseDate } from '../../src/ingest/dates.ts';
import { chooseDate } from '../../src/ingest/metadata.ts';

describe('normaliseDate', () => {
  it('keeps a bare day as a day and makes timestamps UTC', () => {
    expect(normaliseDate('2025-11-23')).toBe('2025-11-23');
    expect(normaliseDate('2025-11-26T15:29:13')).toBe('2025-11-26T15:29:13.000Z');
    expect(normaliseDate('2025-12-03T07:15:00+02:00')).toBe('2025-12-03T05:15:00.000Z');
    expect(normaliseDate('Fri, 23 Jan 2026 18:00:00 GMT')).toBe('2026-01-23T18:00:00.000Z');
  });

  it('returns null for what is not a date', () => {
    expect(normaliseDate('soon')).toBeNull();
    expect(normaliseDate('2025-02-30')).toBeNull();
    expect(normaliseDate(undefined)).toBeNull();
  });
});

describe('datelineOf', () => {
  it('reads lines that are essentially a date', () => {
    expect(datelineOf('Dec 1, 2025')).toBe('2025-12-01');
    expect(datelineOf('Updated: Monday, 1 December 2025 10:02 GMT')).toBe('2025-12-01');
    expect(datelineOf('Published 2025-12-01')).toBe('2025-12-01');
  });

  it('ignores sentences that merely mention a date', () => {
    expect(datelineOf('The envoys met in the capital on December 1, 2025 to discuss the plan')).toBeNull();
    expect(datelineOf('Talks in Geneva')).toBeNull();
  });
});

describe('estimateDateFromText', () => {
  it('takes the latest explicit day mentioned', () => {
    expect(estimateDateFromText('Talks began on 3 March 2024 and resumed on April 9, 2024.')).toBe(
      '2024-04-09',
    );
  });

  it('gives days without a year the nearest year mentioned before them', () => {
    const text =
      'The process started in late 2025. Envoys met on December 2 in the capital. Work carried into 2026, and on January 23 the three delegations met together.';
    expect(estimateDateFromText(text)).toBe('2026-01-23');
  });

  it('finds nothing in a text with no dates', () => {
    expect(estimateDateFromText('Negotiators met again on Tuesday, officials said.')).toBeNull();
  });
});

describe('chooseDate', () => {
  it('prefers metadata, then page meta, then a dateline, then an estimate flagged as such', () => {
    const text = 'It happened on 5 May 2024.';
    expect(
      chooseDate({ given: { value: '2024-05-07', source: 'front-matter' }, pageMeta: '2024-05-06', text }),
    ).toEqual({
      published: '2024-05-07',
      publishedEstimated: false,
      dateSource: 'front-matter',
    });
    expect(chooseDate({ pageMeta: '2024-05-06', dateline: '2024-05-08', text }).dateSource).toBe('html-meta');
    expect(chooseDate({ dateline: '2024-05-08', text }).published).toBe('2024-05-08');
    expect(chooseDate({ text })).toEqual({
      published: '2024-05-05',
      publishedEstimated: true,
      dateSource: 'estimate-from-text',
    });
  });

  it('never falls back to the time of ingestion', () => {
    expect(chooseDate({ text: 'No dates here at all.' })).toEqual({
      published: null,
      publishedEstimated: true,
      dateSource: 'unknown',
    });
  });
});
