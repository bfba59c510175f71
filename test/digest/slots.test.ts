import { describe, expect, it } from 'vitest';
import { planSlot, previousSlot, slotId } from '../../src/digest/slots.ts';

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
});
