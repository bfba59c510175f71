/** The row shapes of the knowledge tables, shared by the indexing writes and the queries. */
import type { Precision } from '../knowledge/types.ts';

export type ActorKindRow = 'person' | 'organisation' | 'country' | 'place';

export interface ActorRow {
  id: number;
  name: string;
  kind: ActorKindRow;
  key: string;
  surnameKey: string | null;
  words: number;
  mentions: number;
  firstSeen: string | null;
  lastSeen: string | null;
  role: string | null;
  affiliation: string | null;
}

export interface RoleRow {
  role: string;
  roleKey: string;
  past: boolean;
  affiliation: string | null;
  date: string | null;
  articleId: number;
}

export interface SourceRow {
  articleId: number;
  title: string;
  url: string | null;
  path: string | null;
  /** The outlet. */
  source: string | null;
}

export interface EventRow {
  id: number;
  type: string;
  family: string;
  date: string;
  endDate: string | null;
  precision: Precision;
  uncertain: boolean;
  planned: boolean;
  title: string;
  summary: string;
  place: string | null;
}

export interface EventInput extends Omit<EventRow, 'id'> {}

export interface EventSourceInput {
  eventId: number;
  articleId: number;
  type: string;
  date: string | null;
  endDate: string | null;
  precision: string | null;
  uncertain: boolean;
  planned: boolean;
  place: string | null;
  sentence: string;
}

export interface TimelineFilter {
  actorId?: number;
  from?: string;
  to?: string;
  match?: string;
  plannedOnly?: boolean;
  limit: number;
  offset: number;
  /** Newest events when no start date is given, so a limit keeps the latest. */
  latest: boolean;
}

export const ACTOR_COLS = `id, name, kind, key, surname_key AS surnameKey, words, mentions, first_seen AS firstSeen,
  last_seen AS lastSeen, role, affiliation`;
export const EVENT_COLS = `id, type, family, date, end_date AS endDate, precision, uncertain, planned, title, summary, place`;

export const toEvent = (r: EventRow): EventRow => ({
  ...r,
  uncertain: Boolean(r.uncertain),
  planned: Boolean(r.planned),
});
export const json = (ids: number[]) => JSON.stringify(ids);
