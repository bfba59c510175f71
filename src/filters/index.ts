import { foldText, keywordMatcher } from './keyword.ts';
import { patternMatcher } from './pattern.ts';
import { splitTerms } from './terms.ts';

export { FilterPatternError } from './errors.ts';
export { MAX_TERM_LENGTH, MAX_TERMS } from './terms.ts';

/** What a filter reads of an article: its title and its summary or text. */
export interface FilterableArticle {
  title: string;
  text?: string | null;
}

/** The terms as the user wrote them (comma-separated lists); null or empty: none. */
export interface FilterSpec {
  include?: string | null;
  exclude?: string | null;
}

export interface ArticleFilter {
  /** The terms kept, as written, e.g. for /settings and /digest list. */
  include: string[];
  exclude: string[];
  /** True when there are no terms: every article passes. */
  empty: boolean;
  /** Passes when some include term matches (or there are none) and no exclude term does. */
  test(article: FilterableArticle): boolean;
}

interface Term {
  source: string;
  matches(raw: string, folded: string): boolean;
}

function compileTerms(list: string | null | undefined, option: string): Term[] {
  return splitTerms(list ?? '', option).map((term) => {
    if (term.kind === 'keyword') {
      const match = keywordMatcher(term.source);
      return { source: term.source, matches: (_raw: string, folded: string) => match(folded) };
    }
    const match = patternMatcher(term, option);
    return { source: term.source, matches: (raw: string) => match(raw) };
  });
}

/**
 * A filter from include and exclude lists: a plain term is a keyword or phrase (any case, whole
 * words), a `/pattern/flags` term a regular expression run in linear time. A bad term throws a
 * FilterPatternError naming it, so nothing half-checked is ever stored.
 */
export function compileFilter(spec: FilterSpec): ArticleFilter {
  const include = compileTerms(spec.include, 'include');
  const exclude = compileTerms(spec.exclude, 'exclude');
  return {
    include: include.map((t) => t.source),
    exclude: exclude.map((t) => t.source),
    empty: include.length === 0 && exclude.length === 0,
    test(article) {
      if (include.length === 0 && exclude.length === 0) return true;
      const raw = article.text ? `${article.title}\n${article.text}` : article.title;
      const folded = foldText(raw);
      if (include.length && !include.some((t) => t.matches(raw, folded))) return false;
      return !exclude.some((t) => t.matches(raw, folded));
    },
  };
}

/** The filter in one line, as written: `include: a, /b/i; exclude: c`, or '' when there is none. */
export function describeFilter(filter: Pick<ArticleFilter, 'include' | 'exclude'>): string {
  return [
    filter.include.length ? `include: ${filter.include.join(', ')}` : '',
    filter.exclude.length ? `exclude: ${filter.exclude.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
