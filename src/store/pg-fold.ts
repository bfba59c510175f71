/**
 * Diacritics folded in PostgreSQL's full-text search, as SQLite's FTS5 tokenizer folds them
 * ('unicode61 remove_diacritics 2'): "Erdogan" finds "Erdoğan" on both engines, and the other way
 * round. It is plain translate() in an IMMUTABLE SQL function, so a GIN index can be built on it and
 * no extension (unaccent) has to be installed where the database is hosted.
 */
export const FOLD_FUNCTION = 'newsdesk_fold';

/** Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional: the letters news names use. */
const LATIN_BLOCKS: [number, number][] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Each letter of those blocks that Unicode writes as one base letter plus marks, with that letter
 * ("ğ" -> "g", "Ễ" -> "E"); letters that are not so decomposed ("ø", "ł") stay, as they do in FTS5.
 */
export function foldPairs(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const [first, last] of LATIN_BLOCKS) {
    for (let cp = first; cp <= last; cp++) {
      const letter = String.fromCodePoint(cp);
      const base = letter.normalize('NFD').replace(COMBINING_MARKS, '');
      if (base.length === 1 && base !== letter) {
        from += letter;
        to += base;
      }
    }
  }
  return { from, to };
}

/** The function's definition: the pairs are fixed when a migration creates it, like the index on it. */
export function foldFunctionSql(): string {
  const { from, to } = foldPairs();
  return `CREATE OR REPLACE FUNCTION ${FOLD_FUNCTION}(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fold$ SELECT translate(input, '${from}', '${to}') $fold$`;
}
