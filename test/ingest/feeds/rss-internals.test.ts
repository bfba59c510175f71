import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { serializeNode } from '../../../src/ingest/feeds/rss-tolerant.ts';

// rss-tolerant.ts overrides private methods of rss-parser's Parser and replaces a function of its
// lib/utils.js. Those are not its public API: these tests fail when an upgrade changes them.

const require = createRequire(import.meta.url);
const PINNED = '3.13.0';

/** The private methods TolerantParser overrides, with the number of arguments it passes them. */
const OVERRIDDEN: Record<string, number> = {
  parseItemAtom: 1,
  parseItemRss: 2,
  buildAtomFeed: 1,
  buildRSS0_9: 1,
  buildRSS1: 1,
  buildRSS2: 1,
  buildRSS: 2,
  decorateItunes: 2,
};

const item =
  '<item><title>Quay</title><link>https://q.example/1</link><description>&lt;p&gt;A&lt;/p&gt;</description></item>';
const DOCS = {
  rss2: `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>${item}</channel></rss>`,
  rss1: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>${item}</rdf:RDF>`,
  rss09: `<rss version="0.91"><channel><title>T</title>${item}</channel></rss>`,
  atom: '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Quay</title><link href="https://q.example/1"/><content type="html">&lt;p&gt;A&lt;/p&gt;</content></entry></feed>',
};

/** rss-parser's Parser with every overridden method recording its calls (the library's own code runs). */
function recordingParser() {
  const calls: string[] = [];
  class Recording extends Parser {}
  const base = Parser.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of Object.keys(OVERRIDDEN)) {
    Object.defineProperty(Recording.prototype, name, {
      value(this: unknown, ...args: unknown[]) {
        calls.push(`${name}/${args.length}`);
        return base[name]?.apply(this, args);
      },
    });
  }
  return { parser: new Recording(), calls };
}

describe('the rss-parser internals rss-tolerant.ts patches', () => {
  it('is pinned, in package.json and in what is installed, to the version they were read from', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.dependencies['rss-parser']).toBe(PINNED);
    expect(require('rss-parser/package.json').version).toBe(PINNED);
  });

  it('has each method TolerantParser overrides, taking the arguments it passes', () => {
    const proto = Parser.prototype as unknown as Record<string, unknown>;
    for (const [name, arity] of Object.entries(OVERRIDDEN)) {
      expect(typeof proto[name], name).toBe('function');
      expect((proto[name] as (...a: unknown[]) => unknown).length, name).toBe(arity);
    }
  });

  it('routes every document through those methods, so that overriding them takes effect', async () => {
    const expected: Record<keyof typeof DOCS, string[]> = {
      rss2: ['buildRSS2/1', 'buildRSS/2', 'parseItemRss/2', 'decorateItunes/2'],
      rss1: ['buildRSS1/1', 'buildRSS/2', 'parseItemRss/2'],
      rss09: ['buildRSS0_9/1', 'buildRSS/2', 'parseItemRss/2'],
      atom: ['buildAtomFeed/1', 'parseItemAtom/1'],
    };
    for (const [kind, xml] of Object.entries(DOCS) as [keyof typeof DOCS, string][]) {
      const { parser, calls } = recordingParser();
      const feed = await parser.parseString(xml);
      expect(calls, kind).toEqual(expected[kind]);
      expect(feed.items[0]?.title, kind).toBe('Quay');
    }
  });

  it('reads getSnippet from lib/utils.js at each call, so the replacement stops the snippet work', async () => {
    const utils = require('rss-parser/lib/utils.js') as Record<string, unknown>;
    expect(typeof utils.getContent).toBe('function');
    expect(typeof utils.getSnippet).toBe('function');
    // Loading rss-tolerant.ts replaced it: the parser's items get the replacement's empty snippet.
    for (const kind of ['rss2', 'atom'] as const) {
      const feed = await new Parser().parseString(DOCS[kind]);
      expect(feed.items[0]?.content, kind).toBe('<p>A</p>');
      expect(feed.items[0]?.contentSnippet, kind).toBe('');
    }
  });

  it('serialises an element-only node as markup in a div, the way it does for content', () => {
    expect(serializeNode({ b: ['bold'], $: { class: 'x' } })).toBe('<div class="x"><b>bold</b></div>');
    expect(serializeNode({ _: 'text only' })).toBe('text only');
  });
});
