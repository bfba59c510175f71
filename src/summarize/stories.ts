import type { AnalysedArticle } from './corpus.ts';
import { cosine, overlap, type Vector } from './vectors.ts';

export interface Story {
  id: number;
  articles: AnalysedArticle[];
  score: number;
  /** Share of the story's articles that no earlier digest cited. */
  novelty: number;
}

/** Lexical similarity above which two articles tell the same story. */
const SAME_STORY = 0.35;

/**
 * Groups articles into stories: near-duplicate links and links from the knowledge layer (shared
 * events) join articles outright; otherwise each article (oldest first) joins the story whose
 * centroid it is most similar to, or starts a new one. Comparing with centroids rather than single
 * articles keeps a day of loosely related news from chaining into one giant story.
 */
export function clusterStories(
  articles: AnalysedArticle[],
  links: [number, number][] = [],
): AnalysedArticle[][] {
  const linked = new Map<number, number>();
  for (const [a, b] of links) linked.set(Math.max(a, b), Math.min(a, b));
  const clusters: { members: AnalysedArticle[]; centroid: Vector; norm: number }[] = [];
  const home = new Map<number, number>();
  const ordered = [...articles].sort((x, y) =>
    x.date < y.date ? -1 : x.date > y.date ? 1 : x.row.id - y.row.id,
  );
  for (const article of ordered) {
    let target = home.get(linked.get(article.row.id) ?? article.row.duplicateOf ?? -1);
    if (target === undefined) {
      let best = SAME_STORY;
      clusters.forEach((c, i) => {
        const sim = cosine(article.vector, c.centroid) / c.norm;
        if (sim >= best) {
          best = sim;
          target = i;
        }
      });
    }
    if (target === undefined) {
      target = clusters.length;
      clusters.push({ members: [], centroid: new Map(), norm: 1 });
    }
    const cluster = clusters[target]!;
    cluster.members.push(article);
    for (const [t, w] of article.vector) cluster.centroid.set(t, (cluster.centroid.get(t) ?? 0) + w);
    cluster.norm = Math.sqrt(norm2(cluster.centroid));
    home.set(article.row.id, target);
  }
  return clusters.map((c) => c.members);
}

function norm2(v: Vector): number {
  let n = 0;
  for (const w of v.values()) n += w * w;
  return n || 1;
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
