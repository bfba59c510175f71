import { describe, expect, it } from 'vitest';
import { pageButtons } from '../../../src/adapters/discord/pagination.ts';
import { renderReply } from '../../../src/adapters/discord/render.ts';
import { makeReply, type SourceRef } from '../../../src/core/reply.ts';
import { expectWithinLimits } from './limits-check.ts';

const src = (n: number): SourceRef => ({
  articleId: n,
  title: `Article ${n}`,
  url: `https://news.example/story/${n}?a=1&b=(2)`,
  source: `Outlet ${n}`,
});

const longItems = (count: number, words: number) =>
  Array.from({ length: count }, (_, i) => ({
    text: `Item ${i} ${'negotiators met again '.repeat(words)}`,
    sources: [src(i), src(i + 1000)],
  }));

describe('renderReply', () => {
  it('splits a huge reply into messages that each keep every embed limit', () => {
    const reply = makeReply({
      title: `A title ${'x'.repeat(400)}`,
      blocks: [
        { type: 'paragraph', text: 'Long prose. '.repeat(2000) },
        {
          type: 'fields',
          fields: Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(2000) })),
        },
        { type: 'list', items: longItems(120, 30) },
        { type: 'footnote', text: `Sources: ${'many '.repeat(600)}` },
      ],
    });
    const messages = renderReply(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expectWithinLimits(m);
      expect(m.allowedMentions).toEqual({ parse: [] });
    }
    expect(messages[0]?.embeds[0]?.title?.length).toBeLessThanOrEqual(256);
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text).toMatch(/part \d+\/\d+$/);
  });

  it('never cuts an item away from its citations, however long its text', () => {
    const reply = makeReply({ blocks: [{ type: 'list', items: longItems(30, 200) }] });
    const text = renderReply(reply)
      .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
      .join('\n');
    const lines = text.split('\n');
    expect(lines).toHaveLength(30);
    lines.forEach((line, i) => {
      expect(line).toContain(`[Outlet ${i}](<https://news.example/story/${i}?a=1&b=(2)>)`);
      expect(line).toContain(`[Outlet ${i + 1000}](<https://news.example/story/${i + 1000}?a=1&b=(2)>)`);
      expect(line.length).toBeLessThanOrEqual(1000);
    });
  });

  it('turns article text into inert markdown: no mentions, no masked or bare links', () => {
    const reply = makeReply({
      title: '@everyone look',
      blocks: [
        {
          type: 'list',
          items: [
            {
              text: 'Ping <@123456789> and @here, see [official](https://evil.example) or https://evil.example',
            },
          ],
        },
      ],
    });
    const [message] = renderReply(reply);
    const text = JSON.stringify(message?.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@\d/);
    expect(message?.embeds[0]?.description).not.toMatch(/(?<!\\)\[official\]\(/);
    expect(message?.embeds[0]?.description).not.toContain('https://evil.example');
  });

  it('keeps a paginated page in one message so its buttons edit all of it', () => {
    const reply = makeReply({
      blocks: [
        { type: 'list', items: longItems(8, 200) },
        { type: 'footnote', text: 'page 1 of 3' },
      ],
      pagination: { command: 'timeline', args: {}, page: 0, pages: 3 },
    });
    const messages = renderReply(reply, { components: [pageButtons('abc', 0, 3)] });
    expect(messages).toHaveLength(1);
    expectWithinLimits(messages[0]!);
    expect(messages[0]?.components[0]?.components.map((b) => ('disabled' in b ? b.disabled : null))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('puts the reference in the footer even when the footnote is at its limit', () => {
    const reply = makeReply({
      blocks: [
        { type: 'paragraph', text: 'x' },
        { type: 'footnote', text: 'y'.repeat(3000) },
      ],
    });
    const [message] = renderReply(reply, { ref: 'nd0123456789abcdef' });
    const footer = message?.embeds.at(-1)?.footer?.text ?? '';
    expect(footer.length).toBeLessThanOrEqual(2048);
    expect(footer.endsWith('ref:nd0123456789abcdef')).toBe(true);
  });
});
