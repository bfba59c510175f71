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

function toText(value: unknown, html: boolean): string | null {
  const s = plain(value);
  if (s === null) return null;
  const text = html ? htmlToText(s) : s.replace(/\s+/g, ' ').trim();
  return text || null;
}

function decodeBase64(node: unknown, value: unknown): unknown {
  return (node as XmlNode | undefined)?.$?.mode === 'base64' && typeof value === 'string'
    ? Buffer.from(value, 'base64').toString('utf8')
    : value;
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

function mapItem(item: RssItem, format: ParsedFeed['format'], baseUrl?: string): FeedItem {
  const raw = item.raw;
  const rawTitle = firstChild(raw, 'title');
  const rawContent = firstChild(raw, 'content');
  const rawSummary = firstChild(raw, 'summary') ?? firstChild(raw, 'description');
  const contentHtml =
    plain(item['content:encoded']) ??
    (format === 'atom' ? plain(decodeBase64(rawContent, item.content)) : null);
  const summaryValue = format === 'atom' ? decodeBase64(rawSummary, item.summary) : item.content;
  const contentIsHtml =
    format !== 'atom' || item['content:encoded'] !== undefined || isHtml(rawContent, format);
  const summary = toText(summaryValue, isHtml(rawSummary, format));
  const author =
    plain(item.creator) ??
    plain(item.author) ??
    plain(firstChild(firstChild(raw, 'author') as XmlNode, 'name'));
  return {
    title: toText(typeof item.title === 'string' ? item.title : rawTitle, isHtml(rawTitle, format)),
    link: resolveLink(item.link, baseUrl),
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
export function mapFeed(feed: RssFeed, format: ParsedFeed['format'], baseUrl?: string) {
  const raw = feed.raw;
  const rawTitle = firstChild(raw, 'title');
  const language =
    plain(feed.language) ?? plain(firstChild(raw, 'dc:language')) ?? raw?.$?.['xml:lang'] ?? null;
  const rawDescription =
    firstChild(raw, 'description') ?? firstChild(raw, 'subtitle') ?? firstChild(raw, 'tagline');
  return {
    title: toText(typeof feed.title === 'string' ? feed.title : rawTitle, isHtml(rawTitle, format)),
    link: resolveLink(feed.link, baseUrl),
    description: toText(rawDescription, isHtml(rawDescription, format)),
    language: language?.trim() || null,
    items: feed.items.filter((i): i is RssItem => i !== null).map((i) => mapItem(i, format, baseUrl)),
  };
}
