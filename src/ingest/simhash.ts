import { wordsOf } from './words.ts';

const SHINGLE = 3;

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that nearby shingles spread over all bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

const mix = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** 64-bit SimHash (16 hex digits) over overlapping word 3-grams; null for texts too short to judge. */
export function simhash(text: string): string | null {
  const words = wordsOf(text);
  if (words.length < SHINGLE + 5) return null;
  // Each word is hashed once; a shingle's two 32-bit halves combine its words' hashes by position.
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = fnv1a(words[i]!, 0x811c9dc5);
  const n = words.length - SHINGLE + 1;
  const his = new Uint32Array(n);
  const los = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = mix(wh[i]! ^ Math.imul(wh[i + 1]!, 0x9e3779b1) ^ Math.imul(wh[i + 2]!, 0x85ebca77));
    his[i] = h;
    los[i] = mix(h ^ 0x050c5d1f);
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    let onesHi = 0;
    let onesLo = 0;
    for (let i = 0; i < n; i++) {
      onesHi += (his[i]! >>> b) & 1;
      onesLo += (los[i]! >>> b) & 1;
    }
    if (onesHi * 2 > n) hi |= 1 << b;
    if (onesLo * 2 > n) lo |= 1 << b;
  }
  return hex8(hi) + hex8(lo);
}

function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two SimHash hex strings. */
export function hammingDistance(a: string, b: string): number {
  const d = (from: number) =>
    popcount32(
      (Number.parseInt(a.slice(from, from + 8), 16) ^ Number.parseInt(b.slice(from, from + 8), 16)) >>> 0,
    );
  return d(0) + d(8);
}

/**
 * Same story re-published with small edits (other furniture, an added or changed sentence) lands
 * within 0-7 bits; different stories on one topic differ in 26-31 (measured on the shared corpus and
 * its edited copies). 7 is also what the 8-band index below finds without misses.
 */
export const NEAR_DUPLICATE_BITS = 7;

// 8 bands of 8 bits: by pigeonhole, any two fingerprints within 7 bits share at least one band.
const BANDS = 8;

/** Finds near-duplicates among known fingerprints without comparing against every one. */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, { id: number; hash: string }[]>();

  add(id: number, hash: string): void {
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${hash.slice(b * 2, b * 2 + 2)}`;
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = [];
        this.buckets.set(key, bucket);
      }
      bucket.push({ id, hash });
    }
  }

  /** The closest known fingerprint within `maxBits` (lowest id on ties), other than `exceptId`. */
  nearest(hash: string, maxBits = NEAR_DUPLICATE_BITS, exceptId = -1): number | undefined {
    let best: { id: number; d: number } | undefined;
    for (let b = 0; b < BANDS; b++) {
      for (const c of this.buckets.get(`${b}:${hash.slice(b * 2, b * 2 + 2)}`) ?? []) {
        if (c.id === exceptId) continue;
        const d = hammingDistance(hash, c.hash);
        if (d <= maxBits && (!best || d < best.d || (d === best.d && c.id < best.id))) best = { id: c.id, d };
      }
    }
    return best?.id;
  }
}
