import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeXML } from 'entities';
import { describe, expect, it } from 'vitest';
import { generatedFeed } from '../../bench/feed-generator.ts';
import { htmlToText, htmlToTextParsed } from '../../src/ingest/html-text.ts';

const FEEDS = resolve('../shared/feeds');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/** The HTML a feed carries in its elements: CDATA sections and entity-escaped element text. */
function fragmentsOf(xml: string): string[] {
  const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1] as string);
  const escaped = [...xml.matchAll(/>([^<]*&lt;[^<]*)</g)].map((m) => decodeXML(m[1] as string));
  return [...cdata, ...escaped];
}

const TRICKY = [
  'a <b> b</b> c',
  'x<script>if (a < b) document.write("</p>")</script>y',
  '<p>one<p>two</P><BR>three',
  '<SCRIPT type="text/javascript">bad()</Script >after',
  'a < b and c<d',
  '<a href="x>y" title=\'q\'>link</a> &amp; &notit; &#8211; &#x41;&copy',
  '<!-- comment <p> --><p>kept</p><!---->',
  '<!-->odd comment',
  '<?php echo 1 ?>text',
  '<p>unclosed <b>bold',
  '<div/>self<br/>closing<img src=x/>',
  '</p>stray end<p>',
  '<iframe src="x">hidden</iframe>shown',
  '<title>T &amp; t</title>body',
  '<style>p{}</style><p>styled</p>',
  '<a href=unquoted>u</a> <a href="x" disabled>d</a>',
  '<o:p>word</o:p> <font size=4>big</font>',
  'trailing <',
  '<p>a</p >',
  '<script>never closed',
  '< p>not a tag</ p>',
];

describe('htmlToText', () => {
  it('keeps the text after an iframe or object that is never closed', () => {
    expect(htmlToText('<p>Watch: <iframe src="https://video.example/1"/> The talks resumed.</p>')).toBe(
      'Watch: The talks resumed.',
    );
    expect(htmlToText('<object data="a.swf"><param name="q" value="1"><p>Officials said')).toBe(
      'Officials said',
    );
  });

  it('still drops what a closed iframe or object holds, and scripts inside an unclosed one', () => {
    expect(htmlToText('a <iframe src="x">no frames</iframe> b')).toBe('a b');
    expect(htmlToText('<object><script>track()</script>after')).toBe('after');
  });

  it('reads ordinary markup as htmlparser2 does', () => {
    for (const html of TRICKY) expect(htmlToText(html), html).toBe(htmlToTextParsed(html));
  });

  it('agrees with htmlparser2 on every article of the benchmark feeds', () => {
    for (const format of ['rss', 'rss-escaped', 'atom'] as const) {
      for (const html of fragmentsOf(generatedFeed(format, 50))) {
        expect(htmlToText(html)).toBe(htmlToTextParsed(html));
      }
    }
  });

  it.skipIf(!existsSync(FEEDS))(
    'agrees with htmlparser2 on the HTML of the real and test-suite feeds',
    () => {
      let fragments = 0;
      for (const path of filesUnder(FEEDS).filter((f) => /\.(xml|rss|atom)$/.test(f))) {
        for (const html of fragmentsOf(readFileSync(path, 'utf8'))) {
          expect(htmlToText(html), `${path}: ${html.slice(0, 200)}`).toBe(htmlToTextParsed(html));
          fragments++;
        }
      }
      expect(fragments).toBeGreaterThan(1000);
    },
  );
});
