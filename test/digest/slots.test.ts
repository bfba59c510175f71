import { describe, expect, it } from 'vitest';
import { nextSlot, planSlot, previousSlot, slotId } from '../../src/digest/slots.ts';

describe('digest slots', () => {
  it('finds the latest daily occurrence at or before a time, in the schedule time zone', () => {
    const at = new Date('2026-11-22T07:30:00Z'); // 09:30 in Kyiv (UTC+2)
    expect(previousSlot({ cron: '0 8 * * *', timezone: 'Europe/Kyiv' }, at)?.toISOString()).toBe(
      '2026-11-22T06:00:00.000Z',
    );
    expect(previousSlot({ cron: '0 8 * * *', timezone: 'UTC' }, at)?.toISOString()).toBe(
      '2026-11-21T08:00:00.000Z',
    );
  });

  it('counts a time exactly on the schedule as that slot', () => {
    const at = new Date('2026-11-22T08:00:00Z');
    expect(previousSlot({ cron: '0 8 * * *', timezone: 'UTC' }, at)?.toISOString()).toBe(at.toISOString());
  });

  it('finds the previous run of a weekly schedule', () => {
    const at = new Date('2026-11-22T12:00:00Z'); // a Sunday
    expect(previousSlot({ cron: '30 9 * * 1', timezone: 'UTC' }, at)?.toISOString()).toBe(
      '2026-11-16T09:30:00.000Z',
    );
  });

  it('names a slot by its wall-clock time and offset in the zone', () => {
    expect(slotId(new Date('2026-11-22T06:00:00Z'), 'Europe/Kyiv')).toBe('2026-11-22T08:00:00+02:00');
    expect(slotId(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(slotId(new Date('2026-11-22T08:00:00Z'), 'UTC')).toBe('2026-11-22T08:00:00+00:00');
  });

  it('gives a slot the period since the schedule occurrence before it', () => {
    const plan = planSlot({ cron: '0 8 * * 1-5', timezone: 'UTC' }, new Date('2026-11-23T09:00:00Z'));
    // Monday's digest covers the weekend: it starts at Friday's slot.
    expect(plan).toEqual({
      slot: '2026-11-23T08:00:00+00:00',
      since: '2026-11-20T08:00:00.000Z',
      until: '2026-11-23T08:00:00.000Z',
    });
  });

  it('gives a monthly schedule the whole month since its previous slot as its period', () => {
    const plan = planSlot({ cron: '0 9 1 * *', timezone: 'UTC' }, new Date('2026-11-11T12:00:00Z'));
    expect(plan).toEqual({
      slot: '2026-11-01T09:00:00+00:00',
      since: '2026-10-01T09:00:00.000Z',
      until: '2026-11-01T09:00:00.000Z',
    });
  });

  it('finds a slot missed 10 days ago (a monthly one, and a weekly one in a zone)', () => {
    expect(
      previousSlot({ cron: '0 9 1 * *', timezone: 'UTC' }, new Date('2026-11-11T09:00:00Z'))?.toISOString(),
    ).toBe('2026-11-01T09:00:00.000Z');
    const weekly = planSlot(
      { cron: '0 7 * * 0', timezone: 'Asia/Tokyo' },
      new Date('2026-11-28T00:00:00Z'), // a Saturday, 13 days after the Sunday slot of 15 November
    );
    expect(weekly).toEqual({
      slot: '2026-11-22T07:00:00+09:00',
      since: '2026-11-14T22:00:00.000Z',
      until: '2026-11-21T22:00:00.000Z',
    });
  });

  it('gives a daily slot in a zone the 23 or 25 hours since the day before across DST', () => {
    const ny = { cron: '0 8 * * *', timezone: 'America/New_York' };
    const spring = planSlot(ny, new Date('2026-03-08T20:00:00Z'))!;
    expect(spring.slot).toBe('2026-03-08T08:00:00-04:00');
    expect(Date.parse(spring.until) - Date.parse(spring.since)).toBe(23 * 3600_000);
    const autumn = planSlot(ny, new Date('2026-11-01T20:00:00Z'))!;
    expect(autumn.slot).toBe('2026-11-01T08:00:00-05:00');
    expect(Date.parse(autumn.until) - Date.parse(autumn.since)).toBe(25 * 3600_000);
  });

  it('names the same slots going forward as going back, the night DST skips 02:30 included', () => {
    const schedules = [
      { cron: '30 2 * * *', timezone: 'Europe/Berlin' },
      { cron: '0 8 * * 1-5', timezone: 'America/New_York' },
      { cron: '0 9 1 * *', timezone: 'Australia/Sydney' },
      { cron: '15 */6 * * *', timezone: 'Europe/London' },
    ];
    for (const schedule of schedules) {
      const forward: string[] = [];
      let at = new Date('2026-03-01T00:00:00Z');
      for (let i = 0; i < 40; i++) {
        at = nextSlot(schedule, at)!;
        forward.push(at.toISOString());
      }
      const backward: string[] = [];
      let back = new Date(forward.at(-1)!);
      for (let i = 0; i < 40; i++) {
        backward.unshift(back.toISOString());
        back = previousSlot(schedule, new Date(back.getTime() - 1))!;
      }
      expect(backward).toEqual(forward);
    }
    // The wall-clock 02:30 does not exist in Berlin on 29 March 2026: no slot that day.
    const berlin = schedules[0]!;
    expect(nextSlot(berlin, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-30T00:30:00.000Z',
    );
    expect(planSlot(berlin, new Date('2026-03-30T06:00:00Z'))?.since).toBe('2026-03-28T01:30:00.000Z');
  });
});
