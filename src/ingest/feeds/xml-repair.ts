import { decodeHTML } from 'entities';

const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;
// A DOCTYPE with or without an internal subset (where entity declarations live).
const DOCTYPE = /<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/iy;
// White space, processing instructions and comments before the DOCTYPE.
const PROLOG = /(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/y;
// Only the ampersands that need repair: the XML entities and character references (nearly all of
// them in a feed of escaped HTML) are skipped by the regex rather than matched and put back.
const AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos);|#[0-9]+;|#x[0-9a-fA-F]+;)(([A-Za-z][A-Za-z0-9]*);)?/g;

function fixEntity(match: string, ref: string | undefined, name: string | undefined): string {
  if (!ref || !name) return '&amp;'; // a bare ampersand
  // An HTML entity (XML knows only five): write it as a character reference.
  const decoded = decodeHTML(match);
  if (decoded !== match) return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
  // Anything else (including entities declared in a DTD) stays literal text: never expanded.
  return `&amp;${name};`;
}

/**
 * Makes common real-world breakage parseable by a strict XML parser without changing meaning:
 * drops the DOCTYPE (so declared entities are never expanded: no billion laughs, no external
 * entities), turns HTML named entities into character references, escapes bare ampersands, and
 * removes characters XML forbids. CDATA sections are left as they are.
 */
export function repairXml(xml: string): string {
  const start = xml.indexOf('<');
  let doc = start > 0 ? xml.slice(start) : xml;
  // Only a DOCTYPE in the prolog is one; the same text in a comment or an element is content.
  PROLOG.lastIndex = 0;
  PROLOG.exec(doc);
  DOCTYPE.lastIndex = PROLOG.lastIndex;
  const doctype = DOCTYPE.exec(doc);
  if (doctype) doc = doc.slice(0, doctype.index) + doc.slice(doctype.index + doctype[0].length);
  const parts = doc.split(CDATA);
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i] as string;
    if (part.includes('&')) parts[i] = part.replace(AMPERSAND, fixEntity);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  return parts.join('').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
