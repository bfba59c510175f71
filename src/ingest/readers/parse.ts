import { extname } from 'node:path';
import type { RawArticle } from '../types.ts';
import { asName, metadataFields, pick } from './fields.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { markdownToText } from './markdown.ts';

/** File kinds the corpus reader understands, by extension. */
export const READERS: Record<string, 'text' | 'markdown' | 'html' | 'json'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};

export const readerFor = (path: string) => READERS[extname(path).toLowerCase()];

const LOOKS_HTML = /<\/?(p|div|br|span|a|em|strong|h[1-6]|ul|li|article|section)\b[^>]*>/i;

/**
 * The articles in one corpus file (several for a JSON array). Throws an Error with a clear message
 * when the file cannot be read as its kind claims (e.g. malformed JSON).
 */
export function parseCorpusFile(path: string, text: string, fileHash: string): RawArticle[] {
  const base: RawArticle = { origin: `file:${path}`, kind: 'file', path, fileHash };
  switch (readerFor(path)) {
    case 'html':
      return [{ ...base, html: text }];
    case 'json':
      return parseJsonArticles(base, text);
    case 'markdown':
    case 'text': {
      // Plain-text exports often carry front matter too.
      const fm = splitFrontMatter(text);
      const body = readerFor(path) === 'markdown' ? markdownToText(fm.body) : fm.body;
      return [{ ...base, ...metadataFields(fm.data, 'front-matter'), text: body }];
    }
    default:
      throw new Error('not a corpus file type');
  }
}

function parseJsonArticles(base: RawArticle, text: string): RawArticle[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`malformed JSON: ${(err as Error).message}`);
  }
  const holder =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const nested = holder && pick(holder, ['articles', 'items', 'entries', 'data']);
  const items = Array.isArray(data) ? data : Array.isArray(nested) ? nested : [data];
  const many = items.length > 1 || Array.isArray(data) || Array.isArray(nested);
  const out: RawArticle[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const obj = item as Record<string, unknown>;
    const body = asName(pick(obj, ['text', 'content', 'body', 'article', 'description', 'summary']));
    if (!body) return;
    const raw: RawArticle = { ...base, ...metadataFields(obj, 'json') };
    if (many) raw.origin = `${base.origin}#${i}`;
    if (LOOKS_HTML.test(body)) raw.html = body;
    else raw.text = body;
    out.push(raw);
  });
  if (out.length === 0) throw new Error('JSON holds no article (needs a text, content or body field)');
  return out;
}
