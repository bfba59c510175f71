import { estimateDateFromText, normaliseDate } from './dates.ts';
import type { DateSource } from './types.ts';

export interface DatedAs {
  published: string | null;
  publishedEstimated: boolean;
  dateSource: DateSource;
}

/**
 * The publication date, best evidence first: metadata given with the article (front matter, feed,
 * JSON), the page's own meta, a dateline under the headline, else an estimate from the latest day the
 * text mentions (flagged). Never the time of ingestion: with no evidence the date stays unknown.
 */
export function chooseDate(evidence: {
  given?: { value: string; source: DateSource };
  pageMeta?: string;
  dateline?: string;
  text: string;
}): DatedAs {
  const given = evidence.given && normaliseDate(evidence.given.value);
  if (given && evidence.given)
    return { published: given, publishedEstimated: false, dateSource: evidence.given.source };
  if (evidence.pageMeta)
    return { published: evidence.pageMeta, publishedEstimated: false, dateSource: 'html-meta' };
  if (evidence.dateline)
    return { published: evidence.dateline, publishedEstimated: false, dateSource: 'text-dateline' };
  const estimate = estimateDateFromText(evidence.text);
  if (estimate) return { published: estimate, publishedEstimated: true, dateSource: 'estimate-from-text' };
  return { published: null, publishedEstimated: true, dateSource: 'unknown' };
}

const TITLE_MAX = 110;

/** A title for an article that has none: its first sentence, shortened at a word boundary. */
export function titleFromText(text: string): string {
  const first = text.trim().split(/\n/)[0] ?? '';
  const sentence = /^(.+?[.!?])(\s|$)/.exec(first)?.[1] ?? first;
  if (sentence.length <= TITLE_MAX) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, TITLE_MAX);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : TITLE_MAX).replace(/[,;:]$/, '')}…`;
}

/** The outlet for an article known only by its URL: the host name without "www.". */
export function sourceFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
