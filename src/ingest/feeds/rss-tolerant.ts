import { createRequire } from 'node:module';
import Parser from 'rss-parser';

/** A node of xml2js output: attributes in `$`, text in `_`, children as arrays. */
export type XmlNode = { $?: Record<string, string>; _?: string } & { [child: string]: unknown };
export type RssItem = Record<string, unknown> & { raw?: XmlNode };
export type RssFeed = Record<string, unknown> & {
  items: (RssItem | null)[];
  raw?: XmlNode;
  dropped?: number;
};

interface ParserInternals {
  parseItemAtom(entry: XmlNode): RssItem;
  parseItemRss(item: XmlNode, fields: unknown): RssItem;
  buildAtomFeed(obj: { feed: XmlNode }): RssFeed;
  buildRSS0_9(obj: Record<string, unknown>): RssFeed;
  buildRSS1(obj: Record<string, unknown>): RssFeed;
  buildRSS2(obj: Record<string, unknown>): RssFeed;
  buildRSS(channel: XmlNode, items: XmlNode[]): RssFeed;
  decorateItunes(feed: RssFeed, channel: XmlNode): void;
}

// rss-parser computes a `contentSnippet` for every item with a quadratic HTML stripper (a hostile
// 64 KB item takes seconds); we never use it and do our own HTML-to-text, so it is switched off.
const utils = createRequire(import.meta.url)('rss-parser/lib/utils.js') as {
  getSnippet: (s: string) => string;
  getContent: (node: unknown) => string;
};
utils.getSnippet = () => '';

/** Markup of an element-only node (e.g. an Atom xhtml title), serialised the way rss-parser does for content. */
export const serializeNode = (node: unknown): string => utils.getContent(node);

const base = Parser.prototype as unknown as ParserInternals;

export const isValidDate = (value: unknown): boolean =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value.trim()));

/**
 * rss-parser rejects a whole Atom feed for one <link> without attributes (it reads link.$.href);
 * give text-only links an href and drop empty ones.
 */
function repairAtomLinks(node: XmlNode): void {
  const links = node.link;
  if (!Array.isArray(links)) return;
  const fixed = links
    .map((link: unknown) => {
      if (typeof link === 'string') return link.trim() ? { $: { href: link.trim() } } : null;
      const l = link as XmlNode;
      if (l.$?.href) return l;
      return l._?.trim() ? { ...l, $: { ...l.$, href: l._.trim() } } : null;
    })
    .filter(Boolean);
  if (fixed.length) node.link = fixed;
  else delete node.link;
}

/** CDF (Microsoft's Channel Definition Format) keeps the link in an href attribute and the summary in <abstract>. */
function fromCdf(node: XmlNode): XmlNode {
  if (!node.link && node.$?.href) node.link = [node.$.href];
  if (!node.description && node.abstract) node.description = node.abstract;
  return node;
}

function withChannel(obj: Record<string, unknown>, rootName: string): Record<string, unknown> {
  const root = (typeof obj[rootName] === 'object' && obj[rootName] !== null ? obj[rootName] : {}) as XmlNode;
  const channel = Array.isArray(root.channel) ? root.channel[0] : undefined;
  if (typeof channel !== 'object' || channel === null) root.channel = [{}];
  // Items written beside the channel instead of inside it (RSS 0.9x style) are still items.
  const inner = (root.channel as XmlNode[])[0] as XmlNode;
  if (Array.isArray(root.item) && !inner.item) inner.item = root.item;
  return { ...obj, [rootName]: root };
}

/** The root element's xml:base (rss-parser keeps only the channel), for resolving relative links. */
function withRootBase(feed: RssFeed, obj: Record<string, unknown>, rootName: string): RssFeed {
  const rootBase = (obj[rootName] as XmlNode | undefined)?.$?.['xml:base'];
  return rootBase ? { ...feed, rootBase } : feed;
}

/**
 * rss-parser with its all-or-nothing failures turned into per-item ones: an entry that cannot be
 * read is counted and left out instead of rejecting the feed, and the raw xml2js node of every
 * item and channel is kept for the fields rss-parser does not map.
 */
export class TolerantParser extends Parser {
  dropped = 0;

  parseItemAtom(entry: XmlNode): RssItem | null {
    try {
      repairAtomLinks(entry);
      // A single unreadable <published>/<updated> makes rss-parser throw (new Date(...).toISOString()).
      for (const key of ['published', 'updated']) {
        const value = (entry[key] as unknown[] | undefined)?.[0];
        if (value !== undefined && !isValidDate(value)) delete entry[key];
      }
      return { ...base.parseItemAtom.call(this, entry), raw: entry };
    } catch {
      this.dropped++;
      return null;
    }
  }

  parseItemRss(item: XmlNode, fields: unknown): RssItem | null {
    try {
      return { ...base.parseItemRss.call(this, item, fields), raw: item };
    } catch {
      this.dropped++;
      return null;
    }
  }

  buildAtomFeed(obj: { feed: XmlNode }): RssFeed {
    if (typeof obj.feed !== 'object' || obj.feed === null) obj.feed = {};
    repairAtomLinks(obj.feed);
    return { ...base.buildAtomFeed.call(this, obj), raw: obj.feed, dropped: this.dropped };
  }

  // rss-parser reads rss.channel[0] (and rdf:RDF.channel[0]) unguarded: an empty <rss> or a feed
  // without <channel> would throw instead of giving an empty feed.
  buildRSS0_9(obj: Record<string, unknown>): RssFeed {
    return withRootBase(base.buildRSS0_9.call(this, withChannel(obj, 'rss')), obj, 'rss');
  }

  buildRSS1(obj: Record<string, unknown>): RssFeed {
    return withRootBase(base.buildRSS1.call(this, withChannel(obj, 'rdf:RDF')), obj, 'rdf:RDF');
  }

  buildRSS2(obj: Record<string, unknown>): RssFeed {
    return withRootBase(base.buildRSS2.call(this, withChannel(obj, 'rss')), obj, 'rss');
  }

  buildRSS(channel: XmlNode, items: XmlNode[]): RssFeed {
    const safeChannel = fromCdf(typeof channel === 'object' && channel !== null ? channel : {});
    const safeItems = (items ?? []).map((i) =>
      fromCdf(typeof i === 'object' && i !== null ? i : { title: [String(i)] }),
    );
    return { ...base.buildRSS.call(this, safeChannel, safeItems), raw: safeChannel, dropped: this.dropped };
  }

  decorateItunes(feed: RssFeed, channel: XmlNode): void {
    try {
      base.decorateItunes.call(this, feed, channel);
    } catch {
      // Podcast metadata is optional; a malformed iTunes block must not cost the items.
    }
  }
}
