import { countTokens } from 'gpt-tokenizer';
import type { Sentence } from './corpus.ts';
import type { Prepared } from './pipeline.ts';
import { type Candidate, candidatesOf, sameFact } from './select.ts';

export interface Passage {
  id: string;
  articleId: number;
  source: string;
  date: string;
  text: string;
  sentence: Sentence;
}

/** Passages per story at most (more for stories many articles tell): no story crowds out the rest. */
const PER_STORY = 6;

/** Article text must not be able to close the evidence fence or fake a passage header. */
const defuse = (text: string) =>
  text
    .replace(/<<<|>>>/g, ' ')
    .replace(/^\s*\[E\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function formatPassage(p: Passage): string {
  return `[${p.id}] article ${p.articleId} | ${p.source} | ${p.date.slice(0, 10)}\n${defuse(p.text)}`;
}

export const formatEvidence = (passages: Passage[]): string => passages.map(formatPassage).join('\n\n');

/**
 * Extractive compression to a token budget: the best sentence of every story first (in rank
 * order), then further non-redundant sentences round-robin, until the budget is spent. Every story
 * that fits gets a voice before any story gets a second one.
 */
export function buildEvidence(
  prepared: Prepared,
  budgetTokens: number,
  reported: string[][] = [],
): Passage[] {
  const ranked = candidatesOf(prepared.stories, reported).sort((a, b) => b.score - a.score);
  const queues = new Map<number, Candidate[]>();
  for (const c of ranked) queues.set(c.story.id, [...(queues.get(c.story.id) ?? []), c]);
  const order = prepared.stories.map((s) => s.id).filter((id) => queues.has(id));
  const passages: Passage[] = [];
  let used = 0;
  const rounds = Math.max(PER_STORY, ...prepared.stories.map((s) => Math.ceil(s.articles.length / 2)));
  for (let round = 0; round < rounds; round++) {
    let added = false;
    for (const storyId of order) {
      const queue = queues.get(storyId)!;
      const size = prepared.stories.find((s) => s.id === storyId)!.articles.length;
      if (round >= Math.max(PER_STORY, Math.ceil(size / 2))) continue;
      let next = queue.shift();
      while (next && passages.some((p) => sameFact(p.sentence, next!.s) >= 0.6)) next = queue.shift();
      if (!next) continue;
      const row = prepared.rows.get(next.s.articleId)!;
      const passage: Passage = {
        id: `E${passages.length + 1}`,
        articleId: row.id,
        source: row.source ?? 'unknown outlet',
        date: next.article.date,
        text: next.s.text,
        sentence: next.s,
      };
      const cost = countTokens(formatPassage(passage)) + 2;
      if (used + cost > budgetTokens) continue;
      passages.push(passage);
      used += cost;
      added = true;
    }
    if (!added) break;
  }
  return passages;
}
