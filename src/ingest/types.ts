/** How a publication date was found, best first. */
export type DateSource =
  | 'front-matter'
  | 'feed'
  | 'html-meta'
  | 'json'
  | 'text-dateline'
  | 'estimate-from-text'
  | 'unknown';

/**
 * One article as a reader (corpus file or feed item) found it, before cleaning, dating and
 * de-duplication. Give `html` or `text` (html wins when both are set).
 */
export interface RawArticle {
  /** 'file:<abs path>' or 'url:<canonical url>': identifies the article across runs. */
  origin: string;
  kind: 'file' | 'feed';
  path?: string;
  url?: string;
  guid?: string;
  feedId?: number;
  title?: string;
  source?: string;
  author?: string;
  /** A date from metadata (front matter, feed, page meta), with where it came from. */
  published?: { value: string; source: DateSource };
  html?: string;
  text?: string;
  tags?: string[];
  /** Hash of the raw input, so unchanged inputs are skipped cheaply. */
  fileHash?: string;
}
