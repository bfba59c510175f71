export type Vector = Map<string, number>;

/** Inverse document frequency over bags of terms (smoothed, so unseen terms still count). */
export function idfTable(bags: string[][]): (term: string) => number {
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bags.length;
  return (t) => Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 1));
}

/** Unit-length TF-IDF vector with sublinear term frequency. */
export function tfidf(bag: string[], idf: (term: string) => number): Vector {
  const tf = new Map<string, number>();
  for (const t of bag) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}

/** The terms of a vector with the highest weights: a compact, order-free fingerprint. */
export function topTerms(v: Vector, k: number): string[] {
  return [...v]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([t]) => t);
}

/** Overlap of two term sets relative to the smaller one. */
export function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  return b.filter((t) => set.has(t)).length / Math.min(a.length, b.length);
}
