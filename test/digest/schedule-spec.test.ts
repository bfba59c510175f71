import { describe, expect, it } from 'vitest';
import {
  describeDays,
  parseDays,
  parseTime,
  parseZone,
  scheduleCron,
} from '../../src/digest/schedule-spec.ts';
import { nextSlot } from '../../src/digest/slots.ts';

describe('schedule options', () => {
  it('reads times of day on a 24-hour clock', () => {
    expect(parseTime('8:05')).toBe('08:05');
    expect(parseTime(' 23:59 ')).toBe('23:59');
    for (const bad of ['24:00', '8', '08:60', '8:5', 'noon']) expect(() => parseTime(bad)).toThrow(/time:/);
  });

  it('accepts IANA zones and refuses anything else', () => {
    expect(parseZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(parseZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(parseZone('UTC')).toBe('UTC');
    for (const bad of ['Europe/Atlantis', '', 'GMT+2 ', '../etc', '+02:00'])
      expect(() => parseZone(bad)).toThrow(/timezone:/);
  });

  it('reads day lists, ranges (also across the weekend) and words', () => {
    expect(parseDays('')).toBe('*');
    expect(parseDays('every day')).toBe('*');
    expect(parseDays('mon-fri')).toBe('1,2,3,4,5');
    expect(parseDays('Mon, Wed, Friday')).toBe('1,3,5');
    expect(parseDays('fri-mon')).toBe('0,1,5,6');
    expect(parseDays('sun-sat')).toBe('*');
    expect(parseDays('weekends')).toBe('0,6');
    expect(describeDays(parseDays('mon,wed,fri'))).toBe('mon,wed,fri');
    for (const bad of ['mo', 'mon-', 'funday', 'mon;tue']) expect(() => parseDays(bad)).toThrow(/days:/);
  });

  it("fires on the schedule's days at its wall-clock time in its zone", () => {
    const cron = scheduleCron({ time: '08:00', days: parseDays('mon-fri'), timezone: 'Europe/Kyiv' });
    // Saturday 2026-11-21 12:00Z: the next slot is Monday 08:00 in Kyiv (06:00Z).
    expect(nextSlot(cron, new Date('2026-11-21T12:00:00Z'))?.toISOString()).toBe('2026-11-23T06:00:00.000Z');
  });
});
