import { detectEncoding, type Encoding } from './decode.ts';

export interface SplitOptions {
  /** Documents smaller than this are parsed whole (default 256 KB). */
  minBytes?: number;
  /** About how many bytes of items each sub-document carries (default 1 MB). */
  chunkBytes?: number;
}

// Charsets in which every byte below 0x80 is the ASCII character (so '<item' can be found in the
// raw bytes) and which decode without state (so a cut between two tags changes nothing).
const ASCII_SAFE = /^(utf-?8|windows-125\d|iso-8859-\d+|koi8-[ru])$/;
const ITEM_TAG: Record<string, string> = { rss: 'item', 'rdf:RDF': 'item', feed: 'entry' };
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>)*<([\w.:-]+)/;
// Up to the '>' that ends a start tag; a quoted attribute value may hold a '>' of its own.
const TAG_END = /(?:[^>"']|"[^"]*"|'[^']*')*>/y;

/** Where each top-level item starts and ends, or undefined when the markup is anything but plain. */
function itemSpans(s: string, tag: string): [number, number][] | undefined {
  const spans: [number, number][] = [];
  const marks = new RegExp(`<!\\[CDATA\\[|<!--|<(/?)${tag}(?=[\\s/>])`, 'g');
  let depth = 0;
  let start = 0;
  for (let m = marks.exec(s); m; m = marks.exec(s)) {
    const at = m.index;
    if (m[0] === '<![CDATA[' || m[0] === '<!--') {
      const close = s.indexOf(m[0] === '<!--' ? '-->' : ']]>', at + m[0].length);
      // (A comment between two items shows up below as text between them.)
      if (close < 0) return undefined;
      marks.lastIndex = close + 3;
      continue;
    }
    TAG_END.lastIndex = marks.lastIndex;
    if (!TAG_END.exec(s)) return undefined;
    marks.lastIndex = TAG_END.lastIndex;
    const selfClosing = s[TAG_END.lastIndex - 2] === '/';
    if (m[1] === '/') {
      if (--depth < 0) return undefined;
      if (depth === 0) spans.push([start, TAG_END.lastIndex]);
    } else {
      // A nested or empty item is legal but unusual: leave it to the whole-document parse.
      if (depth++ > 0 || selfClosing) return undefined;
      start = at;
    }
  }
  return depth === 0 ? spans : undefined;
}

/**
 * Cuts a large feed into well-formed sub-documents, each the channel header, a run of whole items
 * and the closing markup, so that they can be parsed concurrently and their items concatenated in
 * order. Only plain documents are cut: an ASCII-compatible charset, an <rss>, <rdf:RDF> or <feed>
 * root, top-level items with nothing but white space between them, and header and footer small
 * next to the items. Anything else gives undefined, and the document is parsed whole.
 */
export function splitFeed(
  buf: Buffer,
  contentType: string | null | undefined,
  options: SplitOptions = {},
): { chunks: Buffer[]; encoding: Encoding } | undefined {
  const { minBytes = 256 * 1024, chunkBytes = 1024 * 1024 } = options;
  if (buf.length < minBytes || buf.length < 2 * chunkBytes) return undefined;
  const encoding = detectEncoding(buf, contentType);
  if (!ASCII_SAFE.test(encoding.encoding)) return undefined;
  // One character per byte: offsets in this string are offsets in the bytes.
  const s = buf.toString('latin1', encoding.skip);
  const root = PROLOG.exec(s.slice(0, 16_384))?.[1];
  const tag = root ? ITEM_TAG[root] : undefined;
  const spans = tag ? itemSpans(s, tag) : undefined;
  if (!spans || spans.length < 2) return undefined;
  for (let i = 1; i < spans.length; i++) {
    if (/\S/.test(s.slice((spans[i - 1] as [number, number])[1], (spans[i] as [number, number])[0]))) {
      return undefined;
    }
  }
  const first = (spans[0] as [number, number])[0];
  const last = (spans.at(-1) as [number, number])[1];
  const head = buf.subarray(encoding.skip, encoding.skip + first);
  const tail = buf.subarray(encoding.skip + last);
  const chunks: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < spans.length; i++) {
    const end = (spans[i] as [number, number])[1];
    const runStart = (spans[from] as [number, number])[0];
    if (end - runStart >= chunkBytes || i === spans.length - 1) {
      const run = buf.subarray(encoding.skip + runStart, encoding.skip + end);
      chunks.push(Buffer.concat([head, run, tail]));
      from = i + 1;
    }
  }
  // Every part repeats the header and footer: not worth it when they are a large share of the feed.
  if (chunks.length < 2 || (head.length + tail.length) * chunks.length > buf.length / 2) return undefined;
  // The sub-documents start after the byte-order mark.
  return { chunks, encoding: { ...encoding, skip: 0 } };
}
