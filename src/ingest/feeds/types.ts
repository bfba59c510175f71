import type { Prepared } from '../prepare.ts';

/** One feed entry as our pipeline reads it; text fields are plain text (paragraphs on their own lines). */
export interface FeedItem {
  title: string | null;
  link: string | null;
  id: string | null;
  /** ISO 8601, or null when the item has no readable date. */
  published: string | null;
  author: string | null;
  summary: string | null;
  content: string | null;
  /** Words in the summary, to decide whether the full page is worth fetching. */
  summaryWords: number;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  /** The channel description / Atom subtitle, as text. */
  description: string | null;
  language: string | null;
  /** The charset the bytes were decoded with. */
  encoding: string;
  items: FeedItem[];
  /** Entries that could not be read and were left out (the others are kept). */
  skippedItems: number;
  /** What had to be repaired to read the document. */
  repairs: string[];
  /**
   * With `prepare` in the request: each item as the article the store keeps (cleaned, dated,
   * fingerprinted), aligned with `items`; null for an item left to the main side (see prepareItems).
   */
  prepared?: (Prepared | null)[];
}

/** Who the items belong to, for preparing them as articles in the parse worker. */
export interface PrepareRequest {
  feedId: number;
  /** The subscription's title, used when the document has none. */
  feedTitle: string | null;
  /** Full-text fetching is on: items that want their page are left unprepared. */
  fullText: boolean;
  /** Knowledge will index the items: make its analysis too (the worker loads the analyser). */
  analyse?: boolean;
  /** Raw hashes of the feed's stored items: an item with one of them is stored as it is. */
  known?: string[];
}

export interface ParseRequest {
  bytes: Uint8Array;
  contentType?: string | null;
  /** Resolves relative links in the document. */
  baseUrl?: string;
  prepare?: PrepareRequest;
}
