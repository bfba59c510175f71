import { lazyRequire } from '../../core/lazy-require.ts';

const yaml = lazyRequire<typeof import('yaml')>('yaml');

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Set when a front-matter block was present but its YAML could not be read. */
  error?: string;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits a leading YAML front-matter block (--- ... ---) from the text; no block means empty data. */
export function splitFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, body: text };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { data: {}, body: text };
  const body = rest.slice(close.index + close[0].length);
  try {
    const data: unknown = yaml().parse(rest.slice(0, close.index));
    if (data === null || data === undefined) return { data: {}, body };
    if (typeof data !== 'object' || Array.isArray(data))
      return { data: {}, body, error: 'front matter is not a mapping' };
    return { data: data as Record<string, unknown>, body };
  } catch (err) {
    return { data: {}, body, error: `bad YAML front matter: ${(err as Error).message.split('\n')[0]}` };
  }
}
