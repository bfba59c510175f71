import { lazyRequire } from '../core/lazy-require.ts';
import { normaliseDate } from './dates.ts';
import { htmlToText } from './html-text.ts';

export { htmlToText } from './html-text.ts';

export interface HtmlPage {
  text: string;
  title?: string;
  published?: string;
  author?: string;
  source?: string;
  url?: string;
}

const linkedom = lazyRequire<typeof import('linkedom')>('linkedom');
const readability = lazyRequire<typeof import('@mozilla/readability')>('@mozilla/readability');

type Doc = ReturnType<typeof import('linkedom').parseHTML>['document'];

const meta = (doc: Doc, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
};

/** JSON-LD objects on the page, flattened out of arrays and @graph. */
function jsonLd(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      visit((v as Record<string, unknown>)['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common and says nothing about the article.
    }
  }
  return out;
}

const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object') return nameOf((v as Record<string, unknown>).name);
  return undefined;
};

/** The page's own metadata: Open Graph, article:*, JSON-LD, <time datetime>, canonical link. */
function pageMetadata(doc: Doc): Omit<HtmlPage, 'text'> {
  const ld = jsonLd(doc);
  const ldValue = (key: string) => ld.map((o) => o[key]).find((v) => v !== undefined && v !== null);
  const dateCandidates = [
    meta(
      doc,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'DC.date.issued',
    ),
    ldValue('datePublished'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  const published = dateCandidates.map(normaliseDate).find((d) => d !== null) ?? undefined;
  return {
    title:
      meta(doc, 'og:title', 'twitter:title') ??
      nameOf(ldValue('headline')) ??
      doc.querySelector('title')?.textContent?.trim(),
    published,
    author: meta(doc, 'author', 'article:author', 'byl') ?? nameOf(ldValue('author')),
    source: meta(doc, 'og:site_name', 'application-name') ?? nameOf(ldValue('publisher')),
    url: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url'),
  };
}

/** Main content and metadata of a web page (Readability on linkedom; whole body as a fallback). */
export function extractHtml(html: string): HtmlPage {
  const { document } = linkedom().parseHTML(html);
  const metadata = pageMetadata(document);
  let content: string | undefined;
  try {
    const { Readability } = readability();
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
    content = article?.content ?? undefined;
    if (!metadata.title && article?.title) metadata.title = article.title;
    if (!metadata.author && article?.byline) metadata.author = article.byline;
  } catch {
    content = undefined;
  }
  const text = htmlToText(content ?? html);
  const page: HtmlPage = { text };
  for (const [k, v] of Object.entries(metadata)) if (v) (page as unknown as Record<string, string>)[k] = v;
  return page;
}
