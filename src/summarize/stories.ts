import type { AnalysedArticle } from './corpus.ts';
import { cosine, overlap } from './vectors.ts';

export interface Story {
  id: number;
  articles: AnalysedArticle[];
  score: number;
  /** Share of the story's articles that no earlier digest cited. */
  novelty: number;
}

/** Lexical similarity above which two articles tell the same story. */
const SAME_STORY = 0.25;

/**
 * Groups articles into stories: near-duplicate links, links from the knowledge layer (shared events),
 * and lexical similarity. Single-link union-find, fine for a day's worth of news.
 */
export function clusterStories(
  articles: AnalysedArticle[],
  links: [number, number][] = [],
): AnalysedArticle[][] {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const index = new Map(articles.map((a, i) => [a.row.id, i]));
  for (const [a, b] of links) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia !== undefined && ib !== undefined) union(ia, ib);
  }
  // Compare each article with its most similar candidates only; an inverted index on the top terms
  // keeps a day with hundreds of articles far from quadratic in practice.
  const byTerm = new Map<string, number[]>();
  articles.forEach((a, i) => {
    const top = [...a.vector].sort((x, y) => y[1] - x[1]).slice(0, 8);
    for (const [t] of top) {
      const list = byTerm.get(t) ?? [];
      for (const j of list)
        if (find(i) !== find(j) && cosine(a.vector, articles[j]!.vector) >= SAME_STORY) union(i, j);
      list.push(i);
      byTerm.set(t, list);
    }
  });
  const groups = new Map<number, AnalysedArticle[]>();
  articles.forEach((a, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(a);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

function sourcesOf(articles: AnalysedArticle[]): number {
  return new Set(articles.map((a) => (a.row.source ?? `#${a.row.id}`).toLowerCase())).size;
}

/**
 * Ranks stories: independent sources, how prominent their names are across the whole period,
 * recency against `until`, topic relevance and novelty against earlier digests.
 */
export function rankStories(
  groups: AnalysedArticle[][],
  until: Date,
  reportedArticleIds: Set<number>,
  reportedFingerprints: string[][],
): Story[] {
  const nameFreq = new Map<string, number>();
  for (const g of groups)
    for (const a of g) for (const n of a.names) nameFreq.set(n, (nameFreq.get(n) ?? 0) + 1);
  const total = groups.reduce((n, g) => n + g.length, 0) || 1;
  return groups
    .map((articles, id) => {
      const names = new Set(articles.flatMap((a) => [...a.names]));
      const prominence =
        [...names].reduce((s, n) => s + (nameFreq.get(n) ?? 0), 0) / (total * Math.max(1, names.size));
      const newest = Math.max(...articles.map((a) => Date.parse(a.date) || 0));
      const ageHours = Math.max(0, (until.getTime() - newest) / 3_600_000);
      const recency = Math.exp(-ageHours / 48);
      const relevance = articles.reduce((s, a) => s + a.relevance, 0) / articles.length;
      const unseen = articles.filter((a) => !reportedArticleIds.has(a.row.id)).length / articles.length;
      const storyTerms = [...new Set(articles.flatMap((a) => [...a.vector.keys()]))];
      const repeated = reportedFingerprints.some((fp) => overlap(fp, storyTerms) >= 0.8);
      const novelty = repeated ? unseen * 0.5 : unseen;
      const score = Math.log2(1 + sourcesOf(articles)) + 2 * prominence + recency + 4 * relevance + novelty;
      return { id, articles, score, novelty };
    })
    .sort((a, b) => b.score - a.score);
}
