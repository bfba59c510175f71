import { Parser } from 'htmlparser2';

// Elements whose content is never reader text.
const SKIPPED = new Set('script style noscript template iframe object embed svg math head'.split(' '));
// Elements that end a line of text.
const BLOCKS = new Set(
  (
    'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ' +
    'main nav ol p pre section table tr td th ul'
  ).split(' '),
);

/**
 * HTML to plain text in one linear pass (htmlparser2): entities decoded, script/style and similar
 * content dropped, block elements on their own lines, runs of white space collapsed.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const out: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name)) skipDepth++;
        else if (BLOCKS.has(name)) out.push('\n');
      },
      onclosetag(name, implied) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCKS.has(name) && !implied) out.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out.join(''));
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
