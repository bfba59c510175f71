/**
 * Markdown to plain paragraphs: headings, emphasis, links and images reduced to their text, so the
 * cleaner sees prose. Not a full CommonMark renderer; articles use a small part of the syntax.
 */
export function markdownToText(md: string): string {
  return joinSoftBreaks(md)
    .replace(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/gm, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/^\[[^\]]+\]:\s+\S+.*$/gm, '')
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '\n$1\n')
    .replace(/^ {0,3}>[ \t]?/gm, '')
    .replace(/^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/gm, '')
    .replace(/^([ \t]*)[-*+][ \t]+/gm, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?=[^\w*]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1');
}

// Lines that open a block of their own (heading, list item, quote, fence, table row, rule, HTML).
const BLOCK_START =
  /^ {0,3}(#{1,6}(\s|$)|[-*+]\s|\d{1,9}[.)]\s|>|```|~~~|\||<[A-Za-z!/]|([-*_])([ \t]*\3){2,}[ \t]*$)/;
// Lines after which the next one starts anew: headings, fences, table rows, rules, hard breaks.
const BLOCK_END = /^ {0,3}(#{1,6}(\s|$)|```|~~~|\||([-*_])([ \t]*\3){2,}[ \t]*$)|( {2,}|\\)$/;

// A line that stops mid-sentence: no closing punctuation, and it ends on a comma or a word that
// cannot end a sentence or a heading ("...was led by").
const ENDS_SENTENCE = /[.!?:;"”’)\]…]\s*$/;
const OPEN_ENDING =
  /(,|\b(a|an|the|of|by|to|in|into|for|and|or|but|nor|with|that|who|whom|which|whose|at|on|from|as|than|his|her|their|its|our|was|were|is|are|has|have|had|be|been|will|would|could|should|said|says)\s*)$/i;

/**
 * Whether `next` carries on the sentence of `line`. Markdown reads every line break inside a
 * paragraph as a space, but articles saved from web pages put the headline, byline, caption and
 * date on consecutive lines: only a line that stops mid-sentence, or a next line that opens in lower
 * case, is a soft break.
 */
const carriesOn = (line: string, next: string): boolean =>
  !ENDS_SENTENCE.test(line) && (OPEN_ENDING.test(line) || /^\s*[\p{Ll}(]/u.test(next));

/**
 * Joins the lines of each paragraph where a line break is a soft break, not a new paragraph
 * ("...was led by" / "Andriy Yermak, ..." is one sentence). Lines that open a block (a list item, a
 * heading) stay on their own; fenced code is left as it is.
 */
function joinSoftBreaks(md: string): string {
  const out: string[] = [];
  let fenced = false;
  let joinable = false;
  for (const line of md.split(/\r?\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    const blank = !line.trim();
    if (!fenced && joinable && !blank && !BLOCK_START.test(line) && carriesOn(out.at(-1) ?? '', line)) {
      out[out.length - 1] = `${(out[out.length - 1] as string).trimEnd()} ${line.trim()}`;
    } else out.push(line);
    joinable = !fenced && !blank && !BLOCK_END.test(line) && !/^ {0,3}(```|~~~)/.test(line);
  }
  return out.join('\n');
}
