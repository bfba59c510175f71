/**
 * The two mechanical differences between the store's SQL and PostgreSQL's, translated once per
 * statement: placeholders (`?` and `@name` become `$n`), and camelCase column aliases, which
 * PostgreSQL would fold to lower case (`AS addedAt` would come back as `addedat`), quoted.
 * Everything else that differs is written per dialect in the repositories (see dialect.ts).
 */
export interface TranslatedSql {
  text: string;
  /** Per `$n` (n = index + 1): the positional index it binds, or the name. */
  slots: (number | string)[];
}

/** A run the scan copies untouched: a string literal, a quoted identifier, or a line comment. */
const LITERAL = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*/y;
/** A named parameter: `@` and a name. */
const NAMED = /@([A-Za-z_][A-Za-z0-9_]*)/y;
/** A word: SQL keywords, table and column names (snake_case), or an alias. */
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
/** An alias in camelCase: starts lower case and has an upper-case letter somewhere after. */
const CAMEL = /^[a-z][a-z0-9_]*[A-Z]/;

function matchAt(re: RegExp, sql: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(sql);
}

export function translateSql(sql: string): TranslatedSql {
  const slots: (number | string)[] = [];
  const named = new Map<string, number>();
  let positional = 0;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const literal = ch === "'" || ch === '"' || sql.startsWith('--', i) ? matchAt(LITERAL, sql, i) : null;
    if (literal) {
      out += literal[0];
      i += literal[0].length;
      continue;
    }
    if (ch === '?') {
      slots.push(positional++);
      out += `$${slots.length}`;
      i++;
      continue;
    }
    const param = ch === '@' ? matchAt(NAMED, sql, i) : null;
    if (param) {
      const name = param[1]!;
      let n = named.get(name);
      if (n === undefined) {
        slots.push(name);
        n = slots.length;
        named.set(name, n);
      }
      out += `$${n}`;
      i += param[0].length;
      continue;
    }
    const word = /[A-Za-z_]/.test(ch) ? matchAt(WORD, sql, i) : null;
    if (word) {
      out += CAMEL.test(word[0]) ? `"${word[0]}"` : word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return { text: out, slots };
}

const isNamedParams = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !Buffer.isBuffer(value);

/**
 * The values of `$1..$n` from a call's arguments, bound as better-sqlite3 binds them: plain objects
 * give the named parameters, the other arguments the positional ones in order.
 */
export function bindValues(sql: TranslatedSql, args: unknown[]): unknown[] {
  const named: Record<string, unknown> = {};
  const positional: unknown[] = [];
  for (const arg of args) {
    if (isNamedParams(arg)) Object.assign(named, arg);
    else positional.push(arg);
  }
  return sql.slots.map((slot) => {
    if (typeof slot === 'number') {
      if (slot >= positional.length) throw new RangeError(`too few parameter values for ${sql.text}`);
      return positional[slot];
    }
    if (!(slot in named)) throw new RangeError(`missing named parameter: ${slot}`);
    return named[slot];
  });
}
