// A small reader for the `Expect:` lines of feedparser's test documents: Python expressions over
// feedparser's result. Only the common forms are ported (`not bozo`, `path == 'literal'`);
// everything else is reported as not ported, never guessed.

export type Conjunct =
  | { kind: 'bozo'; expected: boolean }
  | { kind: 'equals'; path: (string | number)[]; value: string }
  | { kind: 'other'; source: string };

function splitAnd(expr: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && expr.startsWith(' and ', i)) {
      parts.push(expr.slice(start, i).trim());
      start = i + 5;
      i += 4;
    }
  }
  parts.push(expr.slice(start).trim());
  return parts;
}

/** A Python string literal ('...', "...", u'...') to its value; undefined when it is not one. */
export function pythonString(src: string): string | undefined {
  const m = /^u?(['"])([\s\S]*)\1$/.exec(src.trim());
  if (!m) return undefined;
  const body = m[2] as string;
  if (new RegExp(`(^|[^\\\\])${m[1]}`).test(body.replace(/\\\\/g, ''))) return undefined;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (/^[uxU]/.test(e) && e.length > 1) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

function parsePath(src: string): (string | number)[] | undefined {
  const m = /^(feed|entries)((?:\[(?:\d+|'[^']*'|"[^"]*")\]|\.[a-z_]+)*)$/.exec(src.trim());
  if (!m) return undefined;
  const path: (string | number)[] = [m[1] as string];
  for (const seg of (m[2] as string).matchAll(/\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]|\.([a-z_]+)/g)) {
    path.push(seg[1] !== undefined ? Number(seg[1]) : ((seg[2] ?? seg[3] ?? seg[4]) as string));
  }
  return path;
}

export function parseExpect(expr: string): Conjunct[] {
  return splitAnd(expr.trim()).map((part): Conjunct => {
    if (part === 'not bozo') return { kind: 'bozo', expected: false };
    if (part === 'bozo') return { kind: 'bozo', expected: true };
    const eq = /^(.+?) == (.+)$/s.exec(part);
    if (eq) {
      const path = parsePath(eq[1] as string);
      const value = pythonString(eq[2] as string);
      if (path && value !== undefined) return { kind: 'equals', path, value };
    }
    return { kind: 'other', source: part };
  });
}

/** The header lines of a test document (`Header: Content-type: text/xml; charset=...`). */
export function documentHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const m of head.matchAll(/^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$/gm)) {
    headers[(m[1] as string).toLowerCase()] = m[2] as string;
  }
  return headers;
}
