import type { ArticleAnalysis } from '../knowledge/index.ts';
import type { ArticleInput } from '../store/articles.ts';
import { cleanArticleText } from './clean.ts';
import { hashText } from './hash.ts';
import { extractHtml } from './html.ts';
import { chooseDate, sourceFromUrl, titleFromText } from './metadata.ts';
import { simhashOfWords } from './simhash.ts';
import type { RawArticle } from './types.ts';
import { canonicalUrl } from './url.ts';

/** Identity of the cleaned text: case and spacing do not make a different article. */
export const contentHashOf = (text: string): string =>
  // Only runs that are not already one plain space are replaced: the same result as /\s+/ -> ' ',
  // without a replacement per word.
  hashText(
    text
      .toLowerCase()
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim(),
  );

/**
 * Turns what a reader found into what the store keeps: extracted (HTML), cleaned, titled, dated and
 * fingerprinted. Pure: no store access, so a batch is prepared before its transaction opens.
 */
export function prepareArticle(raw: RawArticle): ArticleInput {
  const page = raw.html !== undefined ? extractHtml(raw.html) : undefined;
  const cleaned = cleanArticleText(page ? page.text : (raw.text ?? ''), { title: raw.title ?? page?.title });
  const url = raw.url ?? page?.url;
  const dated = chooseDate({
    given: raw.published,
    pageMeta: page?.published,
    dateline: cleaned.dateline,
    text: cleaned.text,
  });
  return {
    origin: raw.origin,
    kind: raw.kind,
    path: raw.path ?? null,
    url: url ?? null,
    canonicalUrl: url ? canonicalUrl(url) : null,
    guid: raw.guid ?? null,
    feedId: raw.feedId ?? null,
    title: raw.title ?? page?.title ?? cleaned.title ?? titleFromText(cleaned.text),
    source: raw.source ?? page?.source ?? sourceFromUrl(url) ?? null,
    author: raw.author ?? page?.author ?? cleaned.author ?? null,
    ...dated,
    text: cleaned.text,
    removed: cleaned.removed,
    tags: raw.tags ?? [],
    words: cleaned.words,
    fileHash: raw.fileHash ?? null,
    contentHash: contentHashOf(cleaned.text),
    simhash: simhashOfWords(cleaned.tokens),
    duplicateOf: null,
  };
}

/**
 * A prepared article, or why the input could not be prepared. With `analysis`, knowledge's reading of
 * it is done too, so that indexing after the save has only the store's part left.
 */
export type Prepared = PreparedArticle | { error: string };
export type PreparedArticle = ArticleInput & { analysis?: ArticleAnalysis };

/** Knowledge's analysis of a prepared article (analysisOf), handed in by whoever has it loaded. */
export type Analyser = (article: ArticleInput) => ArticleAnalysis;

/**
 * prepareArticle that reports a failure (a parser bug on one hostile page) instead of throwing; with
 * `analyse`, also the knowledge analysis (in worker threads, off the bot's event loop). An analysis
 * that fails is left to the indexer, which isolates it.
 */
export function prepareSafely(raw: RawArticle, analyse?: Analyser): Prepared {
  let article: ArticleInput;
  try {
    article = prepareArticle(raw);
  } catch (err) {
    return { error: `could not clean: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!analyse) return article;
  try {
    return { ...article, analysis: analyse(article) };
  } catch {
    return article;
  }
}
