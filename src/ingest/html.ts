import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { normaliseDate } from './dates.ts';

const BLOCK = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol br tr table section article header footer aside nav blockquote pre figure figcaption dd dt dl hr main address'.split(
    ' ',
  ),
);
const SKIP = new Set('script style noscript template svg iframe object canvas select button head'.split(' '));

/** Plain text of an HTML fragment, one paragraph per block element; scripts and styles never leak. */
export function htmlToText(html: string): string {
  // Plain text (most titles, many summaries) needs no tokenizer.
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const paragraphs: string[] = [];
  // Paragraphs are built as they come, and white space is collapsed once per paragraph rather
  // than per text node (this runs on every item of every feed). As in a browser, spaces on both
  // sides of an inline tag ("a <b> b</b>") make one space.
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (BLOCK.has(name)) flush();
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs.join('\n\n');
}

export interface HtmlPage {
  text: string;
  title?: string;
  published?: string;
  author?: string;
  source?: string;
  url?: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];

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
  const { document } = parseHTML(html);
  const metadata = pageMetadata(document);
  let content: string | undefined;
  try {
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
