import type { ArticleFilter } from '../filters/index.ts';
import type { Audience } from '../store/tenants.ts';

export interface CitedSource {
  articleId: number;
  title: string;
  url?: string;
  path?: string;
  source: string | null;
}

export interface SummaryItem {
  text: string;
  sources: CitedSource[];
}

/** An article that was in scope but stayed out, and why (off-topic, duplicate, reported, ...). */
export interface LeftOutArticle {
  articleId: number;
  title: string;
  reason: string;
}

/** `newsdesk digest --json` */
export interface DigestResult {
  mode: 'llm' | 'extractive';
  note: string | null;
  since: string;
  until: string;
  headline: string;
  items: SummaryItem[];
  watch: { date: string; title: string }[];
  promptVersion: string | null;
  /** Extension: the topic the digest was focused on. */
  topic?: string;
  /** Extension: what was in the period but left out, with the reason. */
  leftOut?: LeftOutArticle[];
  /** Extension: key terms per item, recorded when the digest is posted (novelty). */
  fingerprints?: string[][];
}

/** `newsdesk summary [TOPIC] --json`: the same item list as a digest. */
export interface SummaryResult {
  mode: 'llm' | 'extractive';
  note: string | null;
  topic: string | null;
  days: number;
  /** Set when the period was widened to older matching articles: the days they span. */
  period?: { since: string; until: string };
  items: SummaryItem[];
  promptVersion: string | null;
  leftOut?: LeftOutArticle[];
}

export interface DigestOptions {
  /** Whose digest: its period, reported items and sources (default: the operator's). */
  audience?: Audience;
  since?: string;
  hours?: number;
  now?: Date;
  /** What the digest focuses on (default: DIGEST_TOPIC), e.g. a channel schedule's own topic. */
  topic?: string;
  /** Only articles this filter passes are considered (a channel schedule's include/exclude terms). */
  filter?: ArticleFilter;
}
