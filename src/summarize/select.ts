import type { AnalysedArticle, Sentence } from './corpus.ts';
import type { Story } from './stories.ts';
import { clip } from './text.ts';
import { cosine, overlap, topTerms } from './vectors.ts';
import { isCountryWord } from './vocabulary.ts';

export interface ExtractiveItem {
  text: string;
  /** The article the sentence came from first, then articles that report the same thing. */
  articleIds: number[];
  fingerprint: string[];
  date: string;
  storyId: number;
  sentence: Sentence;
}

/** Rendered items must fit Discord and Slack messages with their citations. */
export const MAX_ITEM_CHARS = 600;
const SAME_FACT = 0.35;
const ALREADY_REPORTED = 0.6;
const LAMBDA = 0.7;

export interface Candidate {
  s: Sentence;
  story: Story;
  article: AnalysedArticle;
  score: number;
}

/** A figure like 19 or 400,000 pins a fact down; small counts and years do not. */
const isTellingFigure = (e: string) =>
  /^\d+$/.test(e) && Number(e) >= 10 && (Number(e) < 1900 || Number(e) > 2100);

/**
 * How many other articles report the same fact: a sentence there shares two of this one's names or
 * figures, or most of its wording (TextRank-like centrality, counted per source).
 */
function corroboration(s: Sentence, articles: AnalysedArticle[]): number {
  // Country names and demonyms are in every international story: they do not make two sentences one fact.
  const specific = (e: string) => !isCountryWord(e);
  let count = 0;
  for (const a of articles) {
    if (a.row.id === s.articleId) continue;
    const same = a.sentences.some((o) => {
      if (cosine(s.vector, o.vector) >= SAME_FACT) return true;
      const common = s.entities.filter((e) => o.entities.includes(e));
      return (common.length >= 2 && common.some(specific)) || common.some(isTellingFigure);
    });
    if (same) count++;
  }
  return count;
}

/** Share of articles that use each term: what many sources talk about (IDF would hide it). */
function termShares(articles: AnalysedArticle[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const a of articles)
    for (const t of a.vector.keys()) shares.set(t, (shares.get(t) ?? 0) + 1 / articles.length);
  return shares;
}

/** Share of articles naming each entity: the people, places and figures the period is about. */
function entityShares(articles: AnalysedArticle[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set(a.sentences.flatMap((s) => s.entities));
    for (const e of seen) shares.set(e, (shares.get(e) ?? 0) + 1 / articles.length);
  }
  return shares;
}

function salience(s: Sentence, shares: Map<string, number>, articles: number): number {
  // An entity only one article names says nothing about what the period is about.
  const floor = articles > 1 ? 1.5 / articles : 0;
  const sum = s.entities.reduce((total, e) => total + Math.max(0, (shares.get(e) ?? 0) - floor), 0);
  return sum / Math.sqrt(s.entities.length + 1);
}

/** SumBasic-style consensus: how much of the sentence is vocabulary that several sources share. */
function consensus(s: Sentence, shares: Map<string, number>, minShare: number): number {
  let sum = 0;
  for (const t of s.vector.keys()) {
    const share = shares.get(t) ?? 0;
    if (share >= minShare) sum += share;
  }
  return sum / Math.sqrt(s.vector.size + 4);
}

const WEIGHTS = {
  relevance: 0.15,
  consensus: 0.1,
  corroboration: 0.3,
  salience: 0.15,
  event: 0.2,
  dated: 0.1,
  facts: 0.05,
  lead: 0.05,
  attributed: 0.05,
};
const STORY_WEIGHT = 0.15;

export function candidatesOf(stories: Story[], reported: string[][]): Candidate[] {
  const maxStory = Math.max(...stories.map((s) => s.score), 1e-9);
  const all = stories.flatMap((s) => s.articles);
  // Corroboration across the whole period is quadratic in sentences: above 60 articles
  // the story's own articles stand in for "the other sources".
  const wide = all.length <= 60;
  const shares = termShares(all);
  const minShare = Math.min(0.5, 1.5 / all.length);
  const entities = entityShares(all);
  const raw: { c: Candidate; parts: Record<keyof typeof WEIGHTS, number> }[] = [];
  for (const story of stories) {
    for (const article of story.articles) {
      for (const s of article.sentences) {
        const fp = topTerms(s.vector, 8);
        if (reported.some((r) => overlap(r, fp) >= ALREADY_REPORTED)) continue;
        const parts = {
          relevance: s.relevance,
          consensus: consensus(s, shares, minShare),
          corroboration: corroboration(s, wide ? all : story.articles),
          salience: salience(s, entities, all.length),
          event: s.event ? 1 : 0,
          dated: s.dated ? 1 : 0,
          facts: s.facts,
          lead: 1 / (1 + s.index / 3),
          attributed: s.attributed ? 1 : 0,
        };
        raw.push({ c: { s, story, article, score: (STORY_WEIGHT * story.score) / maxStory }, parts });
      }
    }
  }
  // Each signal is scaled by its maximum in this period, so none saturates and all keep their say.
  const keys = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];
  const max = Object.fromEntries(keys.map((k) => [k, Math.max(1e-9, ...raw.map((r) => r.parts[k]))]));
  for (const { c, parts } of raw) for (const k of keys) c.score += (WEIGHTS[k] * parts[k]) / max[k]!;
  return raw.map((r) => r.c);
}

/** Wording overlap, or the share of specific names and figures two sentences have in common. */
export function sameFact(a: Sentence, b: Sentence): number {
  const common = a.entities.filter((e) => b.entities.includes(e)).length;
  const named = common >= 2 ? common / Math.min(a.entities.length, b.entities.length) : 0;
  return Math.max(cosine(a.vector, b.vector), named);
}

/** Articles (other than the sentence's own) with a sentence saying much the same. */
function corroborating(s: Sentence, story: Story): number[] {
  const ids: number[] = [s.articleId];
  for (const a of story.articles) {
    if (a.row.id === s.articleId) continue;
    if (a.sentences.some((o) => cosine(s.vector, o.vector) >= SAME_FACT)) ids.push(a.row.id);
  }
  return ids;
}

/**
 * Picks up to `max` sentences with maximal marginal relevance: every story's best sentence first
 * (in story rank order), then the best remaining ones, each penalised by its similarity to what is
 * already chosen. Sentences close to items of earlier digests are not candidates at all.
 */
export function selectItems(stories: Story[], reported: string[][], max: number): ExtractiveItem[] {
  const pool = candidatesOf(stories, reported);
  const chosen: Candidate[] = [];
  const similarity = (c: Candidate) => Math.max(0, ...chosen.map((x) => sameFact(x.s, c.s)));
  const mmr = (c: Candidate) => LAMBDA * c.score - (1 - LAMBDA) * similarity(c);
  const take = (list: Candidate[]) => {
    const best = list.reduce<Candidate | undefined>((b, c) => (!b || mmr(c) > mmr(b) ? c : b), undefined);
    if (!best) return;
    chosen.push(best);
    pool.splice(pool.indexOf(best), 1);
  };
  for (const story of stories) {
    if (chosen.length >= max) break;
    take(pool.filter((c) => c.story === story));
  }
  while (chosen.length < max && pool.length > 0) {
    const fresh = pool.filter((c) => similarity(c) < 0.5);
    if (fresh.length === 0) break;
    take(fresh);
  }
  return chosen
    .map((c) => ({
      text: clip(c.s.text, MAX_ITEM_CHARS - 200),
      articleIds: corroborating(c.s, c.story),
      fingerprint: topTerms(c.s.vector, 8),
      date: c.article.date,
      storyId: c.story.id,
      sentence: c.s,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sentence.index - b.sentence.index));
}
