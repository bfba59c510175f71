/**
 * Turns user text into a safe FTS5 MATCH expression: each word becomes a quoted string
 * (embedded quotes doubled), so operators, parentheses and column filters in the input are inert.
 */
export function ftsQuery(text: string, mode: 'all' | 'any' = 'any'): string {
  const terms = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 32)
    .map((t) => `"${t.replace(/"/g, '""')}"`);
  return terms.join(mode === 'all' ? ' ' : ' OR ');
}
