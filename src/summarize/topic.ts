import { terms } from './text.ts';
import { type TopicVocabulary, topicVocabulary } from './vocabulary.ts';

export interface TopicDoc {
  id: number;
  title: string;
  /** Stemmed content terms of the body. */
  terms: string[];
}

/** Articles whose weighted topic density falls below this stay out (calibrated on mixed feeds). */
export const ARTICLE_THRESHOLD = 0.07;

export interface TopicModel {
  vocabulary: TopicVocabulary;
  /** Relevance of a bag of terms: weighted share of topic words. */
  score(bag: string[]): number;
}

function density(bag: string[], weights: Map<string, number>): number {
  if (bag.length === 0) return 0;
  let sum = 0;
  for (const t of bag) sum += weights.get(t) ?? 0;
  return sum / bag.length;
}

/**
 * The topic's vocabulary, widened by pseudo-relevance feedback on this corpus: terms concentrated in
 * the clearly on-topic documents (and rare elsewhere) join at a lower weight, so a custom topic works
 * even where no built-in lexicon applies. Extra terms (actor names, event types from the knowledge
 * layer) may be passed in.
 */
export function buildTopicModel(topic: string, docs: TopicDoc[], extra: string[] = []): TopicModel {
  const vocabulary = topicVocabulary(topic);
  const weights = vocabulary.weights;
  for (const t of extra.flatMap((e) => terms(e))) if (!weights.has(t)) weights.set(t, 0.4);
  const scored = docs.map((d) => ({ d, s: density([...terms(d.title), ...d.terms], weights) }));
  const onTopic = scored.filter((x) => x.s >= ARTICLE_THRESHOLD * 1.5).map((x) => x.d);
  if (onTopic.length >= 2 && docs.length >= 4) {
    const df = new Map<string, number>();
    const dfOn = new Map<string, number>();
    for (const d of docs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const d of onTopic) for (const t of new Set(d.terms)) dfOn.set(t, (dfOn.get(t) ?? 0) + 1);
    const candidates = [...dfOn]
      .filter(([t, n]) => !weights.has(t) && n >= Math.max(2, onTopic.length * 0.3))
      .map(([t, n]) => ({
        t,
        lift: n / onTopic.length - ((df.get(t) ?? 0) - n) / Math.max(1, docs.length - onTopic.length),
      }))
      .filter((c) => c.lift >= 0.3)
      .sort((a, b) => b.lift - a.lift)
      .slice(0, 40);
    for (const c of candidates) weights.set(c.t, 0.3 * Math.min(1, c.lift));
  }
  return { vocabulary, score: (bag) => density(bag, weights) };
}
