import iconv from 'iconv-lite';
import { htmlToText } from '../html.ts';
import { isValidDate, type RssFeed, type RssItem, serializeNode, type XmlNode } from './rss-tolerant.ts';
import type { FeedItem, ParsedFeed } from './types.ts';

const HTML_TYPES = new Set(['html', 'xhtml', 'text/html', 'application/xhtml+xml']);

const firstChild = (node: XmlNode | undefined, key: string): unknown =>
  Array.isArray(node?.[key]) ? (node[key] as unknown[])[0] : undefined;

/** The text of an xml2js value: plain strings, `{_: text}` nodes, or '' for element-only nodes. */
function plain(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return null;
  const node = value as XmlNode;
  if (typeof node._ === 'string') return node._;
  return Object.keys(node).some((k) => k !== '$') ? serializeNode(node) : null;
}

/** An Atom text construct is text unless typed html/xhtml; RSS text is HTML-ish by custom. */
function isHtml(node: unknown, format: ParsedFeed['format']): boolean {
  if (format !== 'atom') return true;
  const attrs = (node as XmlNode | undefined)?.$;
  return HTML_TYPES.has(attrs?.type ?? '') || attrs?.mode === 'escaped';
}

// C1 control characters in text are nearly always windows-1252 punctuation written as &#146; and the like.
const C1 = /[\u0080-\u009f]/g;
const fromC1 = (c: string): string => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252');

function toText(value: unknown, html: boolean): string | null {
  const s = plain(value);
  if (s === null) return null;
  const text = html ? htmlToText(s) : s.replace(/\s+/g, ' ').trim();
  return text.replace(C1, fromC1) || null;
}

/** Atom 0.3 mode="base64", or an Atom 1.0 type that is neither text nor XML, means base64 content. */
function isBase64(node: unknown): boolean {
  const attrs = (node as XmlNode | undefined)?.$;
  if (!attrs) return false;
  if (attrs.mode === 'base64') return true;
  const type = attrs.type ?? '';
  return type.includes('/') && !type.startsWith('text/') && !type.includes('xml');
}

function decodeBase64(node: unknown, value: unknown): unknown {
  const s = plain(value);
  return isBase64(node) && s !== null ? Buffer.from(s.trim(), 'base64').toString('utf8') : value;
}

/** A permalink guid is the item's link when it has no <link>. */
function guidLink(guid: unknown): string | undefined {
  const s = plain(guid)?.trim();
  const permalink = (guid as XmlNode | undefined)?.$?.isPermaLink !== 'false';
  return s && permalink && /^https?:\/\//i.test(s) ? s : undefined;
}

/** A base URL: the `xml:base` given resolved against the base around it (itself when absolute). */
function withBase(own: string | undefined, outer: string | undefined): string | undefined {
  const base = own?.trim();
  if (!base) return outer;
  try {
    return new URL(base, outer).href;
  } catch {
    return outer;
  }
}

/** The base a link element was written under: its own xml:base, if rss-parser took the link from one. */
function linkBase(raw: XmlNode | undefined, href: unknown, outer: string | undefined): string | undefined {
  const links = Array.isArray(raw?.link) && typeof href === 'string' ? (raw.link as unknown[]) : [];
  const node = links.find(
    (l): l is XmlNode => typeof l === 'object' && l !== null && (l as XmlNode).$?.href === href,
  );
  return withBase(node?.$?.['xml:base'], outer);
}

function resolveLink(link: unknown, baseUrl: string | undefined): string | null {
  const s = plain(link)?.trim();
  if (!s) return null;
  try {
    return new URL(s, baseUrl).href;
  } catch {
    return s;
  }
}

function isoDate(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    const s = plain(c);
    if (s && isValidDate(s)) return new Date(s.trim()).toISOString();
  }
  return null;
}

const wordCount = (text: string | null): number => (text ? text.split(/\s+/).filter(Boolean).length : 0);

function mapItem(item: RssItem, format: ParsedFeed['format'], feedBase?: string): FeedItem {
  const raw = item.raw;
  const baseUrl = linkBase(raw, item.link, withBase(raw?.$?.['xml:base'], feedBase));
  const rawTitle = firstChild(raw, 'title');
  const rawContent = firstChild(raw, 'content');
  const rawSummary = firstChild(raw, 'summary') ?? firstChild(raw, 'description');
  const contentHtml =
    plain(item['content:encoded']) ??
    (format === 'atom'
      ? plain(decodeBase64(rawContent, item.content))
      : plain(firstChild(raw, 'xhtml:body') ?? firstChild(raw, 'body') ?? firstChild(raw, 'fullitem')));
  const summaryValue =
    (format === 'atom' ? decodeBase64(rawSummary, item.summary) : item.content) ??
    firstChild(raw, 'itunes:summary') ??
    firstChild(raw, 'itunes:subtitle');
  const contentIsHtml =
    format !== 'atom' || item['content:encoded'] !== undefined || isHtml(rawContent, format);
  const summary = toText(summaryValue, isHtml(rawSummary, format));
  const author =
    plain(item.creator) ??
    plain(item.author) ??
    plain(firstChild(firstChild(raw, 'author') as XmlNode, 'name')) ??
    plain(firstChild(raw, 'itunes:author'));
  const title = decodeBase64(rawTitle, typeof item.title === 'string' ? item.title : rawTitle);
  return {
    title: toText(title, isHtml(rawTitle, format)),
    link: resolveLink(item.link ?? guidLink(item.guid), baseUrl),
    id: plain(item.guid)?.trim() || plain(item.id)?.trim() || plain(item['rdf:about'])?.trim() || null,
    published: isoDate(
      item.isoDate,
      item.pubDate,
      firstChild(raw, 'published'),
      firstChild(raw, 'updated'),
      firstChild(raw, 'issued'),
      firstChild(raw, 'modified'),
      firstChild(raw, 'dc:date'),
    ),
    author: author?.replace(/\s+/g, ' ').trim() || null,
    summary,
    content: toText(contentHtml, contentIsHtml),
    summaryWords: wordCount(summary),
  };
}

/** rss-parser's output (with raw nodes kept by TolerantParser) to our feed shape. */
export function mapFeed(feed: RssFeed, format: ParsedFeed['format'], documentUrl?: string) {
  const raw = feed.raw;
  // Relative links resolve against xml:base on the root, then the channel (or Atom feed), then the
  // item and the link itself, and in the end against where the document was fetched from.
  const rootBase = typeof feed.rootBase === 'string' ? feed.rootBase : undefined;
  const baseUrl = withBase(raw?.$?.['xml:base'], withBase(rootBase, documentUrl));
  const rawTitle = firstChild(raw, 'title');
  const language =
    plain(feed.language) ?? plain(firstChild(raw, 'dc:language')) ?? raw?.$?.['xml:lang'] ?? null;
  const rawDescription =
    firstChild(raw, 'description') ??
    firstChild(raw, 'subtitle') ??
    firstChild(raw, 'tagline') ??
    firstChild(raw, 'itunes:summary') ??
    firstChild(raw, 'itunes:subtitle');
  const title = decodeBase64(rawTitle, typeof feed.title === 'string' ? feed.title : rawTitle);
  return {
    title: toText(title, isHtml(rawTitle, format)),
    link: resolveLink(feed.link, linkBase(raw, feed.link, baseUrl)),
    description: toText(decodeBase64(rawDescription, rawDescription), isHtml(rawDescription, format)),
    language: language?.trim() || null,
    items: feed.items.filter((i): i is RssItem => i !== null).map((i) => mapItem(i, format, baseUrl)),
  };
}
