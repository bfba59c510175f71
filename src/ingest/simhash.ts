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

/** 64-bit SimHash (16 hex digits) over overlapping word 3-grams; null for texts too short to judge. */
export function simhash(text: string): string | null {
  const words = wordsOf(text);
  if (words.length < SHINGLE + 5) return null;
  const votes = new Int32Array(64);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    const hi = fnv1a(shingle, 0x811c9dc5);
    const lo = fnv1a(shingle, 0x050c5d1f);
    for (let b = 0; b < 32; b++) {
      votes[b]! += (hi >>> b) & 1 ? 1 : -1;
      votes[b + 32]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (votes[b]! > 0) hi |= 1 << b;
    if (votes[b + 32]! > 0) lo |= 1 << b;
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
 * Same story re-published with small edits (other furniture, a changed sentence) lands within a few
 * bits; different stories on one topic differ in about half. Tuned in test/ingest/simhash.test.ts.
 */
export const NEAR_DUPLICATE_BITS = 6;

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
