import { withoutTracking } from '../ingest/url.ts';
import type { SourceRef } from './reply.ts';
import { truncate } from './text.ts';

/** The shape every area uses for a cited article (knowledge and summaries both give this much). */
export interface CitedArticle {
  articleId: number;
  title: string;
  url?: string;
  path?: string;
  source?: string | null;
}

export const toSourceRef = (a: CitedArticle): SourceRef => ({
  articleId: a.articleId,
  title: a.title,
  ...(a.url ? { url: a.url } : {}),
  ...(a.path ? { path: a.path } : {}),
  ...(a.source ? { source: a.source } : {}),
});

/**
 * A link target for a source: only the stored article URL, only when it is http(s), and without the
 * feed's tracking parameters (utm_source=rss...), which readers have no use for.
 */
export function sourceUrl(source: SourceRef): string | undefined {
  if (!source.url) return undefined;
  try {
    const url = new URL(withoutTracking(source.url));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A short human label for a source: its outlet when known, else its title. */
export const sourceLabel = (source: SourceRef, max = 60): string =>
  truncate(
    (source.source?.trim() || source.title.trim() || `article ${source.articleId}`).replace(/\s+/g, ' '),
    max,
  );

/** Sources in first-cited order, each article once. */
export function uniqueSources(lists: SourceRef[][]): SourceRef[] {
  const seen = new Map<number, SourceRef>();
  for (const list of lists) for (const s of list) if (!seen.has(s.articleId)) seen.set(s.articleId, s);
  return [...seen.values()];
}

/** Plain-text citation, e.g. " (Reuters https://…; AP)". */
export function plainCitations(sources: SourceRef[] | undefined): string {
  if (!sources?.length) return '';
  const parts = sources.map((s) => {
    const url = sourceUrl(s);
    return url ? `${sourceLabel(s)} ${url}` : sourceLabel(s);
  });
  return ` (${parts.join('; ')})`;
}
