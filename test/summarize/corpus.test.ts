import { afterEach, describe, expect, it } from 'vitest';
import { composeDigest, recordDigestPosted, summarize } from '../../src/summarize/index.ts';
import type { SummaryItem } from '../../src/summarize/types.ts';
import { cleanupTemps, hasCorpus, ingestCorpus, insertCorpus, tempStore, testConfig } from './helpers.ts';

afterEach(cleanupTemps);

// Furniture that the five sample pages carry around their articles (menus, players, comment
// sections, promos, addresses). None of it may become digest text.
const FURNITURE = [
  /listen to the article/i,
  /\b0:00\b/,
  /leave a reply/i,
  /\bcomments?\b.*\bon\b$/i,
  /all rights reserved/i,
  /©/,
  /sheridan/i,
  /moneycontrol/i,
  /sensex/i,
  /fact checker/i,
  /verify the accuracy/i,
  /layout: post/i,
  /\bI remain skeptical\b/i,
  /cautiously optimistic/i,
];

function allText(items: SummaryItem[]): string {
  return items.map((i) => i.text).join('\n');
}

function expectClean(items: SummaryItem[]) {
  const text = allText(items);
  for (const pattern of FURNITURE) expect(text).not.toMatch(pattern);
  expect(text).not.toMatch(/space force/i);
  expect(text).not.toMatch(/prototype interceptors/i);
  for (const item of items) {
    expect(item.text.length).toBeLessThanOrEqual(600);
    expect(item.sources.length).toBeGreaterThan(0);
    for (const s of item.sources) expect(s.path ?? s.url).toBeTruthy();
  }
}

describe.skipIf(!hasCorpus)('extractive digest and summary on the shared corpus', () => {
  it("covers Witkoff's mission to Putin in Moscow, with sources and no furniture", async () => {
    const store = tempStore();
    const ids = await ingestCorpus(store);
    const digest = await composeDigest(store, testConfig(), { now: new Date('2026-02-01T00:00:00Z') });
    expect(digest.mode).toBe('extractive');
    expect(digest.note).toMatch(/extractive mode/);
    expect(digest.promptVersion).toBeNull();
    expect(digest.items.length).toBeGreaterThanOrEqual(3);
    expect(digest.items.length).toBeLessThanOrEqual(7);
    expect(digest.headline.length).toBeGreaterThan(10);
    expect(digest.headline).not.toMatch(/…$/);
    expectClean(digest.items);
    expect(digest.items.some((i) => /Witkoff/.test(i.text) && /Putin|Moscow/.test(i.text))).toBe(true);
    expect(digest.items.some((i) => /security guarantees/.test(i.text))).toBe(true);
    // The Putin-Witkoff-Kushner meeting: a dated event that several outlets report.
    expect(digest.items.some((i) => /Kushner/.test(i.text) && /Putin/.test(i.text))).toBe(true);
    expect(digest.items.some((i) => /Geneva/.test(i.text))).toBe(true);
    const cited = new Set(digest.items.flatMap((i) => i.sources.map((s) => s.articleId)));
    for (const id of cited) expect(ids).toContain(id);
    // A store that has just been filled is new: the digest spans all of it.
    expect(digest.since <= '2025-11-26T15:29:13.000Z').toBe(true);
    store.close();
  });

  it('keeps furniture out even of raw, uncleaned pages', async () => {
    const store = tempStore();
    insertCorpus(store);
    const digest = await composeDigest(store, testConfig(), { now: new Date('2026-02-01T00:00:00Z') });
    expect(digest.items.length).toBeGreaterThanOrEqual(3);
    expectClean(digest.items);
    const summary = await summarize(store, testConfig(), { topic: 'peace plan' });
    expectClean(summary.items);
    store.close();
  });

  it('summarises the Geneva talks and the cut of the plan to nineteen points', async () => {
    const store = tempStore();
    await ingestCorpus(store);
    const result = await summarize(store, testConfig(), { topic: 'Geneva' });
    expectClean(result.items);
    const text = allText(result.items);
    expect(text).toMatch(/Geneva/);
    expect(result.items.some((i) => /Geneva/.test(i.text) && /\b(?:19|nineteen)\b/.test(i.text))).toBe(true);
    store.close();
  });

  it('summarises the Witkoff-Kushner meeting with Putin when asked about Kushner', async () => {
    const store = tempStore();
    await ingestCorpus(store);
    const result = await summarize(store, testConfig(), { topic: 'Kushner' });
    expectClean(result.items);
    expect(
      result.items.some((i) => /Witkoff/.test(i.text) && /Kushner/.test(i.text) && /Putin/.test(i.text)),
    ).toBe(true);
    store.close();
  });

  it('answers "security guarantees" with sourced sentences about them', async () => {
    const store = tempStore();
    await ingestCorpus(store);
    const result = await summarize(store, testConfig(), { topic: 'security guarantees' });
    expect(result.topic).toBe('security guarantees');
    expect(result.items.length).toBeGreaterThanOrEqual(3);
    expectClean(result.items);
    for (const item of result.items) expect(item.text).toMatch(/security guarantee|guarantees? .*security/i);
    store.close();
  });

  it('does not repeat items of a posted digest when nothing new arrived', async () => {
    const store = tempStore();
    await ingestCorpus(store);
    const now = new Date('2026-02-01T00:00:00Z');
    const first = await composeDigest(store, testConfig(), { now });
    recordDigestPosted(store, 'operator', first);
    const again = await composeDigest(store, testConfig(), { since: '2025-01-01', now });
    const before = new Set(first.items.map((i) => i.text));
    expect(again.items.filter((i) => before.has(i.text))).toEqual([]);
    store.close();
  });
});
