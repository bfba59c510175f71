import { describe, expect, it } from 'vitest';
import { digestReply, summaryReply } from '../../src/core/summary-reply.ts';
import type { DigestResult, SummaryResult } from '../../src/summarize/types.ts';

const source = (articleId: number, outlet: string) => ({
  articleId,
  title: `Article ${articleId}`,
  url: `https://news.example/${articleId}`,
  source: outlet,
});

const digest: DigestResult = {
  mode: 'extractive',
  note: null,
  since: '2026-01-31T08:00:00.000Z',
  until: '2026-02-01T08:00:00.000Z',
  headline: 'Talks resume @everyone',
  items: [
    { text: 'Envoys met in Geneva <@123456789>.', sources: [source(1, 'Wire A'), source(2, 'Wire B')] },
    { text: 'A ceasefire proposal was tabled.', sources: [source(2, 'Wire B')] },
  ],
  watch: [{ date: '2026-02-05', title: 'Next round' }],
  promptVersion: null,
};

describe('digestReply', () => {
  it('shows mode, period and every cited outlet in the footnote', () => {
    const reply = digestReply(digest);
    const foot = reply.blocks.find((b) => b.type === 'footnote');
    expect(foot).toMatchObject({ type: 'footnote' });
    expect(foot && 'text' in foot ? foot.text : '').toMatch(
      /Mode: extractive · Period: 2026-01-31 08:00 UTC – 2026-02-01 08:00 UTC · Sources: Wire A, Wire B/,
    );
    expect(reply.ephemeral).toBe(false);
  });

  it('keeps each item with its own citations', () => {
    const list = digestReply(digest).blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => i.sources?.map((s) => s.articleId))).toEqual([
      [1, 2],
      [2],
    ]);
  });

  it('neutralises mentions in article text and the headline', () => {
    const reply = digestReply(digest);
    expect(reply.text).not.toMatch(/@everyone|<@\d/);
    expect(reply.text).toContain('Envoys met in Geneva');
  });

  it('says so when there is nothing new', () => {
    expect(digestReply({ ...digest, items: [], watch: [] }).text).toContain('Nothing new in this period.');
  });
});

describe('summaryReply', () => {
  it('names the topic and the number of days, ephemeral by default', () => {
    const summary: SummaryResult = {
      mode: 'llm',
      note: 'LLM answer checked against sources',
      topic: 'ceasefire',
      days: 3,
      items: digest.items,
      promptVersion: 'v1',
    };
    const reply = summaryReply(summary);
    expect(reply.title).toBe('Summary: ceasefire');
    expect(reply.ephemeral).toBe(true);
    expect(reply.mode).toBe('LLM');
    expect(reply.text).toContain('Period: last 3 days');
    expect(reply.text).toContain('https://news.example/1');
  });
});
