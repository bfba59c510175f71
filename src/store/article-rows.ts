// The articles table's rows as the repository reads and writes them.

export interface RemovedBlock {
  text: string;
  reason: string;
}

/** What the ingester hands the store for one article. */
export interface ArticleInput {
  origin: string;
  kind: 'file' | 'feed';
  path?: string | null;
  url?: string | null;
  canonicalUrl?: string | null;
  guid?: string | null;
  feedId?: number | null;
  title: string;
  source?: string | null;
  author?: string | null;
  published: string | null;
  publishedEstimated: boolean;
  dateSource: string;
  text: string;
  removed: RemovedBlock[];
  tags: string[];
  words: number;
  fileHash?: string | null;
  contentHash: string;
  simhash?: string | null;
  duplicateOf?: number | null;
}

export interface ArticleRow extends Omit<ArticleInput, 'removed' | 'tags'> {
  id: number;
  removed: RemovedBlock[];
  tags: string[];
  status: 'active' | 'removed';
  ingestedAt: string;
  updatedAt: string;
}

export interface RawRow {
  id: number;
  origin: string;
  kind: 'file' | 'feed';
  path: string | null;
  url: string | null;
  canonical_url: string | null;
  guid: string | null;
  feed_id: number | null;
  title: string;
  source: string | null;
  author: string | null;
  published: string | null;
  published_estimated: number;
  date_source: string;
  text: string;
  removed: string;
  tags: string;
  words: number;
  file_hash: string | null;
  content_hash: string;
  simhash: string | null;
  duplicate_of: number | null;
  status: 'active' | 'removed';
  ingested_at: string;
  updated_at: string;
}

/**
 * The revision a write gives its article: after every other write, in commit order as long as
 * articles are written in write transactions (one writer at a time on either engine).
 */
export const NEXT_REVISION = '(SELECT coalesce(max(revision), 0) + 1 FROM articles)';

export const COLUMNS = `origin, kind, path, url, canonical_url, guid, feed_id, title, source, author, published,
  published_estimated, date_source, text, removed, tags, words, file_hash, content_hash, simhash, duplicate_of`;

export function toParams(a: ArticleInput) {
  return {
    origin: a.origin,
    kind: a.kind,
    path: a.path ?? null,
    url: a.url ?? null,
    canonical_url: a.canonicalUrl ?? null,
    guid: a.guid ?? null,
    feed_id: a.feedId ?? null,
    title: a.title,
    source: a.source ?? null,
    author: a.author ?? null,
    published: a.published,
    published_estimated: a.publishedEstimated ? 1 : 0,
    date_source: a.dateSource,
    text: a.text,
    removed: JSON.stringify(a.removed),
    tags: JSON.stringify(a.tags),
    words: a.words,
    file_hash: a.fileHash ?? null,
    content_hash: a.contentHash,
    simhash: a.simhash ?? null,
    duplicate_of: a.duplicateOf ?? null,
  };
}

export function fromRow(r: RawRow): ArticleRow {
  return {
    id: r.id,
    origin: r.origin,
    kind: r.kind,
    path: r.path,
    url: r.url,
    canonicalUrl: r.canonical_url,
    guid: r.guid,
    feedId: r.feed_id,
    title: r.title,
    source: r.source,
    author: r.author,
    published: r.published,
    publishedEstimated: r.published_estimated === 1,
    dateSource: r.date_source,
    text: r.text,
    removed: JSON.parse(r.removed) as RemovedBlock[],
    tags: JSON.parse(r.tags) as string[],
    words: r.words,
    fileHash: r.file_hash,
    contentHash: r.content_hash,
    simhash: r.simhash,
    duplicateOf: r.duplicate_of,
    status: r.status,
    ingestedAt: r.ingested_at,
    updatedAt: r.updated_at,
  };
}
