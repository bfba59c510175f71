import { describe, expect, it } from 'vitest';
import { renderSlack, SLACK_LIMITS } from '../../../src/adapters/slack/render.ts';
import type { Reply } from '../../../src/core/reply.ts';

const sectionTexts = (reply: Reply) =>
  renderSlack(reply).flatMap((m) =>
    m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])),
  );

describe('Slack rendering', () => {
  it('keeps every message within 50 blocks and every section within 3000 characters', () => {
    const items = Array.from({ length: 800 }, (_, i) => ({
      text: `Event ${i}: ${'negotiators met again and talked at length '.repeat(4)}`,
      sources: [{ articleId: i, title: `Article ${i}`, url: `https://news.example/${i}`, source: 'Example' }],
    }));
    const reply: Reply = {
      title: 'A long answer',
      text: 'long',
      blocks: [
        { type: 'paragraph', text: 'word '.repeat(2000) },
        { type: 'list', items },
      ],
      ephemeral: true,
    };
    const messages = renderSlack(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    const texts = sectionTexts(reply);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    // Every item arrives whole, with its own citation link right after it.
    const lines = texts.flatMap((t) => t.split('\n')).filter((l) => l.startsWith('• Event'));
    expect(lines).toHaveLength(800);
    for (const line of lines)
      expect(line).toMatch(/^• Event (\d+):.* \(<https:\/\/news\.example\/\1\|Example>\)$/);
  });

  it('shortens an item that alone is too long but keeps its citation whole', () => {
    const reply: Reply = {
      text: 'x',
      blocks: [
        {
          type: 'list',
          items: [
            {
              text: 'long '.repeat(1000),
              sources: [{ articleId: 1, title: 'T', url: 'https://n.example/a', source: 'Src' }],
            },
          ],
        },
      ],
      ephemeral: true,
    };
    const [text] = sectionTexts(reply);
    expect(text!.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text).toMatch(/… \(<https:\/\/n\.example\/a\|Src>\)$/);
  });

  it('does not link a source without an http(s) URL', () => {
    const reply: Reply = {
      text: 'x',
      blocks: [
        {
          type: 'list',
          items: [
            {
              text: 'Item',
              sources: [
                { articleId: 1, title: 'Local file', path: '/corpus/a.txt', url: 'javascript:alert(1)' },
              ],
            },
          ],
        },
      ],
      ephemeral: true,
    };
    expect(sectionTexts(reply)).toEqual(['• Item (Local file)']);
  });

  it('adds a More button only when there are further pages', () => {
    const base: Reply = { text: 'x', blocks: [{ type: 'paragraph', text: 'x' }], ephemeral: true };
    const withPages = (page: number) =>
      renderSlack({ ...base, pagination: { command: 'timeline', args: {}, page, pages: 2 } });
    expect(withPages(0)[0]!.blocks.at(-1)?.type).toBe('actions');
    expect(withPages(1)[0]!.blocks.at(-1)?.type).toBe('section');
  });
});
