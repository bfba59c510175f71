import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

const BLOCK = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol br tr table section article header footer aside nav blockquote pre figure figcaption dd dt dl hr main address'.split(
    ' ',
  ),
);
const SKIP = new Set('script style noscript template svg iframe object canvas select button head'.split(' '));
// Elements the simple scanner leaves to htmlparser2: skipped ones other than the raw-text script
// and style, raw-text and foreign ones (title, textarea, xmp, svg, math...).
const NOT_SIMPLE = new Set([...SKIP, 'title', 'textarea', 'xmp', 'math', 'noembed', 'noframes', 'plaintext']);
NOT_SIMPLE.delete('script');
NOT_SIMPLE.delete('style');

const NOT_SINGLE_SPACED = /[^\S ]|\s\s/;

/**
 * Paragraphs built as the text comes: white space is collapsed once per paragraph (as in a browser,
 * spaces on both sides of an inline tag make one space), and a block element ends a paragraph.
 */
class Paragraphs {
  private readonly done: string[] = [];
  private current = '';

  add(text: string): void {
    this.current += text;
  }

  end(): void {
    // Most text is already single-spaced: looking costs far less than rebuilding it.
    const p = (
      NOT_SINGLE_SPACED.test(this.current) ? this.current.replace(/\s+/g, ' ') : this.current
    ).trim();
    if (p) this.done.push(p);
    this.current = '';
  }

  text(): string {
    this.end();
    return this.done.join('\n\n');
  }
}

// HTML white space is these five; a start or end tag with plain, well-quoted attributes.
const TAG =
  /<(\/?)([a-zA-Z][^\t\n\f\r />]*)(?:[\t\n\f\r ]+[^\t\n\f\r />"'=]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r "'>]+))?)*[\t\n\f\r ]*\/?>/y;
const RAW_END = { script: /<\/script[\t\n\f\r >]/gi, style: /<\/style[\t\n\f\r >]/gi };

const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * The text of ordinary markup (what nearly every feed item holds) read with a few regular
 * expressions, several times faster than a full tokenizer. Anything out of the ordinary (a
 * processing instruction, an odd comment or attribute, an unclosed tag, raw-text and foreign
 * elements other than script and style) gives undefined, and htmlparser2 reads the fragment.
 */
function simpleText(html: string): string | undefined {
  const out = new Paragraphs();
  const text = (s: string) => out.add(s.includes('&') ? decodeHTML(s) : s);
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    if (lt > at) text(html.slice(at, lt));
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      const body = lt + 4;
      if (!html.startsWith('<!--', lt) || html[body] === '>' || html.startsWith('->', body)) return undefined;
      const close = html.indexOf('-->', body);
      if (close < 0) return undefined;
      at = close + 3;
      continue;
    }
    if (!isLetter(next) && next !== 0x2f /* / */) {
      if (next === 0x3f /* ? */) return undefined;
      text('<'); // a '<' that starts no tag is text
      at = lt + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) return undefined;
    at = TAG.lastIndex;
    const name = (tag[2] as string).toLowerCase();
    if (NOT_SIMPLE.has(name)) return undefined;
    if (name === 'script' || name === 'style') {
      if (tag[1]) continue; // an end tag with no start: nothing to close
      const end = RAW_END[name];
      end.lastIndex = at;
      const found = end.exec(html);
      const gt = found ? html.indexOf('>', found.index) : -1;
      if (gt < 0) return undefined;
      at = gt + 1;
    } else if (BLOCK.has(name)) out.end();
  }
  if (at < html.length) text(html.slice(at));
  return out.text();
}

// Embeds whose end tag is often missing (<iframe src="..."/> is not self-closing in HTML): text
// they swallow only because they were never closed is given back.
const EMBEDS = new Set(['iframe', 'object']);
type Held = { name: string; events: (string | null)[] };

/** The general case: htmlparser2's tokenizer and its recovery from broken markup. */
function parsedText(html: string): string {
  const out = new Paragraphs();
  // What each open skipped element swallowed (text, or null for a paragraph break), innermost last.
  const held: Held[] = [];
  const emit = (event: string | null) => {
    const inner = held.at(-1);
    if (inner) inner.events.push(event);
    else if (event === null) out.end();
    else out.add(event);
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) held.push({ name, events: [] });
        else if (BLOCK.has(name)) emit(null);
      },
      onclosetag(name, isImplied) {
        if (!SKIP.has(name)) {
          if (BLOCK.has(name)) emit(null);
          return;
        }
        const closed = held.pop();
        if (closed && isImplied && EMBEDS.has(closed.name)) for (const event of closed.events) emit(event);
      },
      ontext(text) {
        emit(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.text();
}

/** Plain text of an HTML fragment, one paragraph per block element; scripts and styles never leak. */
export function htmlToText(html: string): string {
  // Plain text (most titles, many summaries) needs no tokenizer.
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return simpleText(html) ?? parsedText(html);
}

/** For tests: the general path alone, which the simple one must agree with. */
export const htmlToTextParsed = parsedText;
