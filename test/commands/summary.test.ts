import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { saveArticles } from '../../src/ingest/save.ts';
import { commandContext, tempStore } from '../support/discord-store.ts';

const { store, cleanup } = tempStore();
const story = (slug: string, date: string, text: string[]) => ({
  origin: `url:https://example.org/${slug}`,
  kind: 'feed' as const,
  url: `https://example.org/${slug}`,
  title: slug,
  published: { value: date, source: 'feed' as const },
  text: text.join('\n\n'),
});

beforeAll(() => {
  saveArticles(store, [
    story('lake-talks', '2025-11-10', [
      'Negotiators met in Lausanne on Monday for a first round of talks on the border commission.',
      'The Lausanne round ended with an agreement to exchange maps of the disputed valley before winter.',
    ]),
    story('grain-deal', '2026-01-30', [
      'Ministers signed a grain export deal in the capital on Thursday after weeks of haggling over tariffs.',
      'The grain deal lets ships leave the southern ports under international monitoring.',
    ]),
  ]);
});
afterAll(cleanup);

describe('/summary', () => {
  it('answers about a topic from older articles when no period was asked for, and says so', async () => {
    const reply = await runCommand(findCommand('summary')!, commandContext(store), { topic: 'Lausanne' });
    expect(reply.text).toContain('Lausanne');
    expect(reply.text).toContain('Nothing about "Lausanne" in the last 7 days of the store');
    expect(reply.text).toContain('Period: 2025-11-10 – 2025-11-10');
    expect(reply.text).toContain('https://example.org/lake-talks');
  });

  it('keeps to the period the user asked for', async () => {
    const reply = await runCommand(findCommand('summary')!, commandContext(store), {
      topic: 'Lausanne',
      days: 7,
    });
    expect(reply.text).toContain('No articles on this in that period.');
    expect(reply.text).toContain('Older articles match: ask for more days.');
    expect(reply.text).not.toContain('https://example.org/lake-talks');
  });
});
