import { afterEach, describe, expect, it } from 'vitest';
import { composeDigest, summarize } from '../../src/summarize/index.ts';
import { INJECTION, OFF_TOPIC, ON_TOPIC } from './fixtures.ts';
import { article, cleanupTemps, tempStore, testConfig } from './helpers.ts';

afterEach(cleanupTemps);
const now = new Date('2025-11-26T00:00:00Z');

function mixedStore() {
  const store = tempStore();
  const on = ON_TOPIC.map((a, i) =>
    store.articles.insert(article({ ...a, source: `Outlet ${i}`, published: `2025-11-25T0${i}:00:00.000Z` })),
  );
  const off = OFF_TOPIC.map((a, i) =>
    store.articles.insert(article({ ...a, source: `Other ${i}`, published: `2025-11-25T1${i}:00:00.000Z` })),
  );
  return { store, on, off };
}

/** Doha talks in September, Vienna in December: a topic only older articles match. */
function olderDohaStore() {
  const store = tempStore();
  const doha = store.articles.insert(
    article({
      published: '2025-09-01T10:00:00.000Z',
      text: 'Mediators held ceasefire talks in Doha on Monday with both delegations present.',
    }),
  );
  store.articles.insert(
    article({
      published: '2025-12-20T10:00:00.000Z',
      text: 'Foreign ministers met in Vienna to prepare a new round of negotiations.',
    }),
  );
  return { store, doha };
}

describe('topic focus', () => {
  it('keeps sport, markets, weather and recipes out of the digest and says why', async () => {
    const { store, on, off } = mixedStore();
    const digest = await composeDigest(store, testConfig(), { now });
    const cited = new Set(digest.items.flatMap((i) => i.sources.map((s) => s.articleId)));
    for (const id of off) expect(cited.has(id)).toBe(false);
    expect(digest.items.length).toBeGreaterThanOrEqual(3);
    expect([...cited].every((id) => on.includes(id))).toBe(true);
    const leftOut = new Map((digest.leftOut ?? []).map((l) => [l.articleId, l.reason]));
    for (const id of off) expect(leftOut.get(id)).toMatch(/off-topic/);
    expect(digest.items.map((i) => i.text).join(' ')).not.toMatch(/goalkeeper|lemon|forecast|stocks/i);
    store.close();
  });

  it('lets DIGEST_TOPIC steer: a markets topic keeps the markets story', async () => {
    const { store, off } = mixedStore();
    const digest = await composeDigest(store, testConfig({ DIGEST_TOPIC: 'markets, economy and finance' }), {
      now,
    });
    const cited = new Set(digest.items.flatMap((i) => i.sources.map((s) => s.articleId)));
    expect(cited.has(off[1]!)).toBe(true);
    expect(cited.has(off[3]!)).toBe(false);
    store.close();
  });

  it('says plainly when no article matches a summary topic', async () => {
    const { store } = mixedStore();
    const result = await summarize(store, testConfig(), { topic: 'volcanic eruptions', now });
    expect(result.items).toEqual([]);
    expect(result.note).toMatch(/No articles about "volcanic eruptions"/);
    expect(result.note).not.toMatch(/Older articles/);
    store.close();
  });

  it('says when only articles older than the period match, so the user can widen it', async () => {
    const { store } = olderDohaStore();
    const result = await summarize(store, testConfig(), { topic: 'Doha', days: 30, now });
    expect(result.items).toEqual([]);
    expect(result.note).toMatch(/No articles about "Doha" in the last 30 days.*Older articles match/);
    const wider = await summarize(store, testConfig(), { topic: 'Doha', days: 365, now });
    expect(wider.items.length).toBeGreaterThan(0);
    store.close();
  });

  it('keeps the sentence that names the topic even when it shares few words with its article', async () => {
    const store = tempStore();
    const id = store.articles.insert(
      article({
        published: '2025-11-25T10:00:00.000Z',
        text: [
          'Negotiators spent Sunday in Lausanne working through the draft that the mediators had circulated before.',
          'The original document ran to thirty points and alarmed several capitals in the region.',
          'Officials said the text had been cut to twenty points, with the border left to the presidents.',
          'The foreign minister described the day as productive and the mood as calm.',
          'A joint statement said any agreement must respect sovereignty and deliver a lasting peace.',
          'The other side said it had not yet been shown the revised draft of the points.',
        ].join('\n\n'),
      }),
    );
    const result = await summarize(store, testConfig(), { topic: 'Lausanne', now });
    expect(result.items.map((i) => i.text)).toContain(
      'Negotiators spent Sunday in Lausanne working through the draft that the mediators had circulated before.',
    );
    expect(result.items[0]?.sources.map((s) => s.articleId)).toEqual([id]);
    store.close();
  });

  it('summarises older matching articles when the period was not asked for, and says so', async () => {
    const { store, doha } = olderDohaStore();
    const result = await summarize(store, testConfig(), { topic: 'Doha', days: 30, now, widen: true });
    expect(result.items.map((i) => i.text).join(' ')).toMatch(/Doha/);
    expect(new Set(result.items.flatMap((i) => i.sources.map((s) => s.articleId)))).toEqual(new Set([doha]));
    // From now (26 November, before the newest article) back to the Doha article (1 September).
    expect(result.days).toBe(86);
    expect(result.period).toEqual({ since: '2025-09-01', until: '2025-09-01' });
    expect(result.note).toMatch(
      /^Nothing about "Doha" in the last 30 days of the store: these are the latest articles that match\./,
    );
    const nothing = await summarize(store, testConfig(), { topic: 'Geneva', days: 30, now, widen: true });
    expect(nothing.items).toEqual([]);
    expect(nothing.note).toMatch(/No articles about "Geneva"/);
    store.close();
  });
});

describe('untrusted article text in extractive mode', () => {
  it('never lets an embedded instruction or mention reach the digest or a summary', async () => {
    const { store } = mixedStore();
    store.articles.insert(article({ ...INJECTION, source: 'Wire', published: '2025-11-25T08:30:00.000Z' }));
    const digest = await composeDigest(store, testConfig(), { now });
    const summary = await summarize(store, testConfig(), { topic: 'ceasefire draft', now });
    for (const text of [JSON.stringify(digest), JSON.stringify(summary)]) {
      expect(text).not.toMatch(/ignore previous instructions/i);
      expect(text).not.toMatch(/@everyone|@here|<!channel>/);
      expect(text).not.toMatch(/system prompt/i);
    }
    expect(summary.items.some((i) => /ceasefire draft/.test(i.text))).toBe(true);
    store.close();
  });
});
