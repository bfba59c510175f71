import { DomUtils, parseDocument } from 'htmlparser2';
import { CodedError, ErrorCode } from '../../core/errors.ts';
import { decodeAs, decodeFeed, type Encoding } from './decode.ts';
import { mapFeed } from './feed-map.ts';
import { type RssFeed, TolerantParser } from './rss-tolerant.ts';
import type { ParsedFeed, ParseRequest } from './types.ts';
import { repairXml } from './xml-repair.ts';

/** A document that is not a feed we can read; the message says why. */
export class FeedDocumentError extends CodedError {
  override name = 'FeedDocumentError';
  readonly code = ErrorCode.FeedDocument;
}

const plainParser = new TolerantParser({ defaultRSS: 2 });
// Namespaces of the feed vocabularies themselves: a document that binds one to a prefix
// (<r:rss xmlns:r="...">) is read as if it were the default namespace.
const FEED_NAMESPACES = [
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://www.w3.org/2005/Atom',
  'http://purl.org/atom/ns#',
];

/** The parser for this document: the shared one, or one that renames prefixed or upper-case (CDF) tags. */
function parserFor(xml: string): TolerantParser {
  const prefixes = new Set<string>();
  for (const m of xml.slice(0, 4096).matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    if (FEED_NAMESPACES.includes(m[2] as string)) prefixes.add(m[1] as string);
  }
  const cdf = /^<rss cdf="1">/.test(rootTag(xml));
  if (!prefixes.size && !cdf) return plainParser;
  const rename = (name: string) => {
    const colon = name.indexOf(':');
    const local = colon > 0 && prefixes.has(name.slice(0, colon)) ? name.slice(colon + 1) : name;
    return cdf ? local.toLowerCase() : local;
  };
  return new TolerantParser({
    defaultRSS: 2,
    xml2js: { tagNameProcessors: [rename], attrNameProcessors: cdf ? [(n: string) => n.toLowerCase()] : [] },
  });
}

const rootTag = (xml: string): string => {
  const head = xml.slice(0, 16_384).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  return /<[A-Za-z_][^>]*>?/.exec(head)?.[0] ?? '';
};

/** CDF's root is <CHANNEL>: wrap it in <rss> so that it reads as an RSS channel. */
function wrapCdf(xml: string): string {
  if (!/^<CHANNEL[\s>]/.test(rootTag(xml))) return xml;
  const at = xml.search(/<CHANNEL[\s>]/);
  return `${xml.slice(0, at)}<rss cdf="1">${xml.slice(at)}</rss>`;
}

function formatOf(xml: string): ParsedFeed['format'] {
  const root = /^<([\w.:-]+)/.exec(rootTag(xml))?.[1]?.toLowerCase() ?? '';
  if (root === 'feed' || root.endsWith(':feed')) return 'atom';
  if (root === 'rdf:rdf' || root.endsWith(':rdf')) return 'rdf';
  return 'rss';
}

/** A tolerant HTML-style parse written back as well-formed XML: recovers unclosed tags and stray markup. */
function reserialize(xml: string): string {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: false, recognizeCDATA: true });
  return DomUtils.getOuterHTML(doc.children, { xmlMode: true, decodeEntities: false });
}

async function parseXml(xml: string): Promise<RssFeed> {
  const parser = parserFor(xml);
  parser.dropped = 0;
  const parsed = parser.parseString(xml) as unknown as Promise<RssFeed>;
  // xml2js parses synchronously but never calls back for some broken documents (no root element,
  // an unterminated end tag); by the next macrotask the promise has settled or never will.
  const silent = new Promise<never>((_, reject) =>
    setImmediate(() => reject(new FeedDocumentError('no complete XML document found'))),
  );
  return Promise.race([parsed, silent]);
}

const describe = (err: unknown): string => {
  const message = err instanceof Error ? err.message : String(err);
  if (/not recognized as RSS/i.test(message)) return 'not an RSS or Atom feed';
  if (/Unable to parse XML/i.test(message)) return 'empty document';
  return message.split('\n')[0] ?? message;
};

/**
 * Bytes to a feed: decode (BOM, HTTP charset, XML declaration), repair what a strict parser would
 * choke on, parse with rss-parser, and on malformed XML retry once on a tolerant re-serialisation.
 * A sub-document of a split feed (`chunk`: the whole document's encoding) gets no such retry: how to
 * recover is decided on the whole document, so its failure means "parse the whole instead".
 * Runs inside the parse worker.
 */
export async function parseFeedDocument(request: ParseRequest, chunk?: Encoding): Promise<ParsedFeed> {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  const { text, encoding } = chunk ? decodeAs(bytes, chunk) : decodeFeed(bytes, request.contentType);
  if (!text.trim()) throw new FeedDocumentError('empty document');
  const xml = wrapCdf(repairXml(text));
  const repairs: string[] =
    xml.length !== text.length ? ['markup repaired (entities, DOCTYPE or control characters)'] : [];
  let feed: RssFeed;
  try {
    feed = await parseXml(xml);
  } catch (first) {
    if (chunk || /not recognized as RSS/i.test(String(first)))
      throw new FeedDocumentError(describe(first), { cause: first });
    try {
      feed = await parseXml(reserialize(xml));
      repairs.push(`malformed XML recovered (${describe(first)})`);
    } catch (second) {
      throw new FeedDocumentError(describe(second), { cause: second });
    }
  }
  const format = formatOf(xml);
  return {
    format,
    encoding,
    ...mapFeed(feed, format, request.baseUrl),
    skippedItems: feed.dropped ?? 0,
    repairs,
  };
}
