import { UserError } from '../core/errors.ts';
import type { Store } from '../store/index.ts';
import { OPERATOR_AUDIENCE } from '../store/tenants.ts';
import type { DigestOptions } from './types.ts';

export interface Period {
  since: string;
  until: string;
  /** How the start was chosen, for the note and the CLI. */
  basis: 'option' | 'last-digest' | 'last-24h' | 'new-store';
}

const DAY_MS = 86_400_000;

function parseDate(text: string): Date {
  const d = new Date(text);
  if (Number.isNaN(d.getTime()))
    throw new UserError(`--since: not a date: ${text} (use e.g. 2025-11-30 or an ISO time)`);
  return d;
}

/**
 * The digest period: an explicit --since/--hours; else since the last posted digest; else, on a store
 * that has been running for more than a day, the last 24 hours; else (a new store) everything.
 */
export function digestPeriod(store: Store, options: DigestOptions): Period {
  const now = options.now ?? new Date();
  const until = now.toISOString();
  if (options.since && options.hours !== undefined) throw new UserError('give --since or --hours, not both');
  if (options.since) return { since: parseDate(options.since).toISOString(), until, basis: 'option' };
  if (options.hours !== undefined) {
    if (!(options.hours > 0)) throw new UserError('--hours must be a positive number');
    return {
      since: new Date(now.getTime() - options.hours * 3_600_000).toISOString(),
      until,
      basis: 'option',
    };
  }
  const last = store.summaries.lastPosted((options.audience ?? OPERATOR_AUDIENCE).tenantId);
  if (last) return { since: last.until, until, basis: 'last-digest' };
  const first = store.summaries.firstIngestedAt();
  if (first && now.getTime() - Date.parse(first) > DAY_MS) {
    // "The last 24 hours of publication dates": a store whose feeds went quiet still gets its last day.
    const newest = store.articles.list({ limit: 1, audience: options.audience ?? OPERATOR_AUDIENCE })[0]
      ?.published;
    const end = Math.min(now.getTime(), newest ? Date.parse(newest) : now.getTime());
    return { since: new Date(end - DAY_MS).toISOString(), until, basis: 'last-24h' };
  }
  return { since: new Date(0).toISOString(), until, basis: 'new-store' };
}
