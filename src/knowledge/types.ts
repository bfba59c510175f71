/** A cited article in knowledge answers (issue contract: {articleId, title, url|path}). */
export interface KnowledgeSource {
  articleId: number;
  title: string;
  url?: string;
  path?: string;
  /** The outlet, when known. */
  source?: string;
}

export interface WhoisActor {
  id: number;
  name: string;
  kind: 'person' | 'organisation' | 'country' | 'place';
  aliases: string[];
  role: string | null;
  roles: { role: string; date: string | null; sources: KnowledgeSource[] }[];
  affiliation: string | null;
  profile: string;
  firstSeen: string | null;
  lastSeen: string | null;
  mentions: number;
  related: { name: string; count: number }[];
  events: { date: string; title: string }[];
  sources: KnowledgeSource[];
}

/** `newsdesk whois NAME --json` */
export interface WhoisResult {
  query: string;
  actor: WhoisActor | null;
  candidates: { id: number; name: string; kind: string; role: string | null }[];
  suggestions: string[];
}

/** How exactly an event's date is known. */
export type Precision = 'day' | 'range' | 'month' | 'year';

export interface TimelineEvent {
  id: number;
  date: string;
  endDate: string | null;
  precision: Precision;
  uncertain: boolean;
  planned: boolean;
  title: string;
  summary: string;
  actors: string[];
  place: string | null;
  sources: KnowledgeSource[];
}

/** `newsdesk timeline --json` */
export interface TimelineResult {
  events: TimelineEvent[];
}

export interface TimelineQuery {
  actor?: string;
  from?: string;
  to?: string;
  query?: string;
  limit?: number;
  offset?: number;
  /** Only planned (future) events, for "what to watch". */
  plannedOnly?: boolean;
}
