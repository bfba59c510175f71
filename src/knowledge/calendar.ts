// Plain calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no timezone shifts a day.

export const toDate = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
export const iso = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** 0 = Sunday ... 6 = Saturday */
export const weekday = (day: string): number => toDate(day).getUTCDay();

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** Monday of the week that holds `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

export function monthRange(year: number, month: number): { start: string; end: string } {
  return { start: ymd(year, month, 1), end: ymd(year, month, daysInMonth(year, month)) };
}
