// Generated feeds in the shapes news outlets publish, for the feed benchmark and the feed tests.
// Deterministic, so every run measures (and every test reads) the same documents.

const WORDS = (
  'the talks delegation minister agreed said officials draft plan ceasefire security guarantees border ' +
  'sanctions meeting capital negotiators proposal envoy summit statement foreign week region agreement ' +
  'economic energy reconstruction prisoners exchange monitoring mission observers council vote members'
).split(' ');

/** Deterministic pseudo-random words. */
export function makeText(seed: number, words: number): string {
  let x = seed * 7919 + 13;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return out.join(' ');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const day = (i: number) => new Date(Date.UTC(2025, 10, 1) + i * 3_600_000);

/** An article body of ~400 words as a news CMS writes it: paragraphs, links, entities, a tracking script. */
function articleHtml(i: number, site: string): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) => `<p>${makeText(i * 10 + p, 65)} &#8211; <a href="${site}ref/${i}/${p}">source</a>.</p>`,
  );
  return `${paragraphs.join('\n')}<script>track(${i})</script>`;
}

/** A document: its head, one run of lines per item, its closing markup, one per line. */
const documentOf = (head: string[], items: number, item: (i: number) => string[], foot: string): string =>
  [...head, ...Array.from({ length: items }, (_, i) => item(i)).flat(), foot].join('\n');

const RSS_HEAD = (title: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
  `<channel><title>${title}</title><link>https://bench.example.org/</link><language>en</language>`;

/** RSS 2.0 with the article in content:encoded as a CDATA section (WordPress and many CMSs). */
function rssCdata(items: number): string {
  const site = 'https://bench.example.org/';
  return documentOf(
    [RSS_HEAD('Bench Gazette')],
    items,
    (i) => [
      `<item><title>Story ${i}: ${makeText(i, 8)}</title><link>${site}story/${i}?utm_source=rss</link>`,
      `<guid isPermaLink="false">item-${i}</guid><pubDate>${day(i).toUTCString()}</pubDate><dc:creator>Reporter ${i % 40}</dc:creator>`,
      `<description><![CDATA[<p>${makeText(i + 1, 40)}</p>]]></description>`,
      `<content:encoded><![CDATA[${articleHtml(i, site)}]]></content:encoded></item>`,
    ],
    '</channel></rss>',
  );
}

/**
 * RSS 2.0 with the article HTML entity-escaped inside the element (as the Guardian and feedburner
 * feeds do), typographic quotes and dashes as characters, several categories and a media thumbnail.
 */
function rssEscaped(items: number): string {
  const site = 'https://news.example.com/';
  const head = RSS_HEAD('Escaped Chronicle').replace(
    '<rss ',
    '<rss xmlns:media="http://search.yahoo.com/mrss/" ',
  );
  return documentOf(
    [head],
    items,
    (i) => [
      `<item><title>${makeText(i, 9)} – live</title><link>${site}world/2025/nov/${i}</link>`,
      `<description>${escapeXml(`<p>${makeText(i + 1, 35)}</p><a href="${site}world/2025/nov/${i}">Continue reading...</a>`)}</description>`,
      `<content:encoded>${escapeXml(
        articleHtml(i, site)
          .replace(/ said /g, ' said “')
          .replace(/ plan /g, ' plan’s '),
      )}</content:encoded>`,
      ...['World news', 'Diplomacy', 'Europe'].map((c) => `<category domain="${site}${c}">${c}</category>`),
      `<pubDate>${day(i).toUTCString()}</pubDate><guid>${site}world/2025/nov/${i}</guid>`,
      `<media:content width="140" url="https://img.example.com/${i}.jpg"><media:credit>Photo agency</media:credit></media:content>`,
      `<dc:creator>Correspondent ${i % 25}</dc:creator></item>`,
    ],
    '</channel></rss>',
  );
}

function atom(items: number): string {
  const site = 'https://atom.example.net/';
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `<title>Atom Ledger</title><link href="${site}"/><id>${site}</id><updated>2025-11-01T00:00:00Z</updated>`,
  ];
  return documentOf(
    head,
    items,
    (i) => [
      `<entry><id>item-${i}</id><title type="html">${escapeXml(`Story <b>${i}</b>: ${makeText(i, 7)}`)}</title>`,
      `<link rel="alternate" href="${site}post/${i}"/><published>${day(i).toISOString()}</published>`,
      `<author><name>Writer ${i % 12}</name></author><summary>${makeText(i + 2, 30)}</summary>`,
      `<content type="html">${escapeXml(articleHtml(i, site))}</content></entry>`,
    ],
    '</feed>',
  );
}

function rdf(items: number): string {
  const site = 'https://rdf.example.org/';
  const head = [
    '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<channel rdf:about="${site}"><title>RDF Wire</title><link>${site}</link><description>Wire copy</description></channel>`,
  ];
  return documentOf(
    head,
    items,
    (i) => [
      `<item rdf:about="${site}item-${i}"><title>Wire ${i}: ${makeText(i, 6)}</title><link>${site}item-${i}</link>`,
      `<description>${escapeXml(articleHtml(i, site))}</description><dc:date>${day(i).toISOString()}</dc:date></item>`,
    ],
    '</rdf:RDF>',
  );
}

export type GeneratedFormat = 'rss' | 'rss-escaped' | 'atom' | 'rdf';

/** A feed of `items` items; in rss, atom and rdf every item's id ends in `item-N`. */
export function generatedFeed(format: GeneratedFormat, items: number): string {
  return { rss: rssCdata, 'rss-escaped': rssEscaped, atom, rdf }[format](items);
}
