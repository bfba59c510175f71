import { describe, expect, it } from 'vitest';
import { formatEventDate, formatWhois } from '../../src/knowledge/format.ts';

const at = (
  date: string,
  endDate: string | null,
  precision: 'day' | 'range' | 'month' | 'year',
  flags = {},
) => formatEventDate({ date, endDate, precision, uncertain: false, planned: false, ...flags });

describe('event dates for people', () => {
  it('prints days, months and years', () => {
    expect(at('2025-12-02', null, 'day')).toBe('2 Dec 2025');
    expect(at('2025-12-01', '2025-12-31', 'month')).toBe('Dec 2025');
    expect(at('2022-01-01', '2022-12-31', 'year')).toBe('2022');
  });

  it('prints early, mid and late month ranges in words', () => {
    expect(at('2026-01-21', '2026-01-31', 'range')).toBe('late Jan 2026');
    expect(at('2025-12-11', '2025-12-20', 'range')).toBe('mid Dec 2025');
    expect(at('2024-03-01', '2024-03-10', 'range')).toBe('early Mar 2024');
  });

  it('prints other ranges as spans', () => {
    expect(at('2025-11-22', '2025-11-23', 'range')).toBe('22–23 Nov 2025');
    expect(at('2025-12-29', '2026-01-04', 'range')).toBe('29 Dec 2025 – 4 Jan 2026');
  });

  it('flags planned events and uncertain dates', () => {
    expect(at('2025-12-01', '2025-12-07', 'range', { planned: true, uncertain: true })).toBe(
      '1–7 Dec 2025 (planned, date uncertain)',
    );
  });

  it('says "no actor named" with suggestions, and lists candidates', () => {
    expect(formatWhois({ query: 'Smiht', actor: null, candidates: [], suggestions: ['Anna Smith'] })).toBe(
      'no actor named "Smiht". Did you mean: Anna Smith?',
    );
    expect(
      formatWhois({
        query: 'Smith',
        actor: null,
        candidates: [
          { id: 1, name: 'Anna Smith', kind: 'person', role: 'mayor' },
          { id: 2, name: 'Ben Smith', kind: 'person', role: null },
        ],
        suggestions: [],
      }),
    ).toBe('"Smith" could be:\n  Anna Smith (person) — mayor\n  Ben Smith (person)');
  });
});
