import type { DateSource, RawArticle } from '../types.ts';

/** The first present, non-empty value among these keys (case-insensitive). */
export function pick(data: Record<string, unknown>, keys: string[]): unknown {
  const lower = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) {
    const v = lower.get(key.toLowerCase());
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/** A person or outlet given as a string, an {name} object or a list of those. */
export function asName(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asName).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object') return asName((v as Record<string, unknown>).name);
  return undefined;
}

const asTags = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(asName).filter((t): t is string => Boolean(t))
    : typeof v === 'string'
      ? v.split(/\s*,\s*/).filter(Boolean)
      : [];

/** Metadata fields shared by front matter and JSON articles, mapped onto a RawArticle. */
export function metadataFields(data: Record<string, unknown>, dateSource: DateSource): Partial<RawArticle> {
  const out: Partial<RawArticle> = {};
  const title = asName(pick(data, ['title', 'headline']));
  const author = asName(pick(data, ['author', 'authors', 'byline', 'creator']));
  const source = asName(pick(data, ['source', 'publisher', 'outlet', 'site', 'site_name', 'siteName']));
  const url = asName(pick(data, ['url', 'link', 'canonical_url', 'canonicalUrl', 'permalink']));
  const date = pick(data, [
    'published',
    'date',
    'pubDate',
    'datePublished',
    'published_at',
    'publishedAt',
    'created_at',
  ]);
  if (title) out.title = title;
  if (author) out.author = author;
  if (source) out.source = source;
  if (url && /^https?:\/\//i.test(url)) out.url = url;
  if (date !== undefined)
    out.published = { value: date instanceof Date ? date.toISOString() : String(date), source: dateSource };
  const tags = asTags(pick(data, ['tags', 'keywords', 'categories']));
  if (tags.length) out.tags = tags;
  return out;
}
