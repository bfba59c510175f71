import type { TimelineEvent, WhoisActor, WhoisResult } from './types.ts';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const parts = (iso: string) => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8, 10)),
});

/** "2 Dec 2025", "22–23 Nov 2025", "late Jan 2026", "Dec 2025", "2026". */
export function formatDateRange(
  date: string,
  endDate: string | null,
  precision: TimelineEvent['precision'],
): string {
  const a = parts(date);
  const mon = `${MONTH_NAMES[a.month - 1]} ${a.year}`;
  if (precision === 'year') return String(a.year);
  if (precision === 'month') return mon;
  if (precision === 'day' || !endDate || endDate === date) return `${a.day} ${mon}`;
  const b = parts(endDate);
  if (a.year === b.year && a.month === b.month) {
    const last = new Date(Date.UTC(a.year, a.month, 0)).getUTCDate();
    if (a.day === 1 && b.day === 10) return `early ${mon}`;
    if (a.day === 11 && b.day === 20) return `mid ${mon}`;
    if (a.day === 21 && b.day === last) return `late ${mon}`;
    return `${a.day}–${b.day} ${mon}`;
  }
  return `${a.day} ${MONTH_NAMES[a.month - 1]}${a.year !== b.year ? ` ${a.year}` : ''} – ${b.day} ${MONTH_NAMES[b.month - 1]} ${b.year}`;
}

/** The date of a timeline entry as people write it, with its caveats. */
export function formatEventDate(
  e: Pick<TimelineEvent, 'date' | 'endDate' | 'precision' | 'uncertain' | 'planned'>,
): string {
  const flags = [e.planned ? 'planned' : '', e.uncertain ? 'date uncertain' : ''].filter(Boolean);
  return `${formatDateRange(e.date, e.endDate, e.precision)}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}

const sourceLabel = (s: { articleId: number; title: string; url?: string; path?: string }) =>
  `[${s.articleId}] ${s.title}${s.url ? ` <${s.url}>` : s.path ? ` (${s.path})` : ''}`;

export function formatTimeline(events: TimelineEvent[]): string {
  if (!events.length) return 'No events found.';
  return events
    .map((e) => {
      const lines = [`${formatEventDate(e)} — ${e.title}`, `  ${e.summary}`];
      if (e.actors.length) lines.push(`  with: ${e.actors.join(', ')}`);
      lines.push(`  sources: ${e.sources.map((s) => `[${s.articleId}]`).join(' ')}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function formatActor(a: WhoisActor): string {
  const lines = [`${a.name} (${a.kind})${a.role ? ` — ${a.role}` : ''}`];
  if (a.affiliation) lines.push(`Affiliation: ${a.affiliation}`);
  if (a.aliases.length) lines.push(`Also written: ${a.aliases.join(', ')}`);
  if (a.roles.length > 1) {
    lines.push('Roles:');
    for (const r of a.roles)
      lines.push(`  ${r.date ?? '?'}  ${r.role}  ${r.sources.map((s) => `[${s.articleId}]`).join(' ')}`);
  }
  if (a.profile) lines.push('', a.profile, '');
  lines.push(`Mentions: ${a.mentions} (first seen ${a.firstSeen ?? '?'}, last seen ${a.lastSeen ?? '?'})`);
  if (a.related.length)
    lines.push(`Appears with: ${a.related.map((r) => `${r.name} (${r.count})`).join(', ')}`);
  if (a.events.length) {
    lines.push('Latest events:');
    for (const e of a.events) lines.push(`  ${e.date}  ${e.title}`);
  }
  lines.push('Sources:');
  for (const s of a.sources) lines.push(`  ${sourceLabel(s)}`);
  return lines.join('\n');
}

export function formatWhois(r: WhoisResult): string {
  if (r.actor) return formatActor(r.actor);
  if (r.candidates.length) {
    return [
      `"${r.query}" could be:`,
      ...r.candidates.map((c) => `  ${c.name} (${c.kind})${c.role ? ` — ${c.role}` : ''}`),
    ].join('\n');
  }
  const hint = r.suggestions.length ? ` Did you mean: ${r.suggestions.join(', ')}?` : '';
  return `no actor named "${r.query}".${hint}`;
}
