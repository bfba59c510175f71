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
export const simhash = (text: string): string | null => simhashOfWords(wordsOf(text));

/** simhash of a text already split by wordsOf. */
export function simhashOfWords(words: string[]): string | null {
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
  const hi = majorityBits(his, n);
  const lo = majorityBits(los, n);
  return hex8(hi) + hex8(lo);
}

/**
 * The bits set in more than half of the n words. Counts are kept four to a number (one byte each for
 * bits j, j+8, j+16, j+24), flushed before a byte can overflow: 8 additions per word instead of 32.
 */
function majorityBits(words: Uint32Array, n: number): number {
  const counts = new Uint32Array(32);
  const lanes = new Uint32Array(8);
  for (let start = 0; start < n; start += 255) {
    lanes.fill(0);
    const end = Math.min(n, start + 255);
    for (let i = start; i < end; i++) {
      const w = words[i]!;
      for (let j = 0; j < 8; j++) lanes[j]! += (w >>> j) & 0x01010101;
    }
    for (let j = 0; j < 8; j++) {
      const lane = lanes[j]!;
      for (let k = 0; k < 4; k++) counts[j + 8 * k]! += (lane >>> (8 * k)) & 0xff;
    }
  }
  let bits = 0;
  for (let b = 0; b < 32; b++) if (counts[b]! * 2 > n) bits |= 1 << b;
  return bits;
}

function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two SimHash hex strings. */
export function hammingDistance(a: string, b: string): number {
  const [aHi, aLo] = halves(a);
  const [bHi, bLo] = halves(b);
  return popcount32(aHi ^ bHi) + popcount32(aLo ^ bLo);
}

const halves = (hash: string): [number, number] => [
  Number.parseInt(hash.slice(0, 8), 16) >>> 0,
  Number.parseInt(hash.slice(8, 16), 16) >>> 0,
];

/**
 * Same story re-published with small edits (other furniture, an added or changed sentence) lands
 * within 0-7 bits; different stories on one topic differ in 26-31 (measured on the shared corpus and
 * its edited copies). 7 is also what the 8-band index below finds without misses.
 */
export const NEAR_DUPLICATE_BITS = 7;

// 8 bands of 8 bits: by pigeonhole, any two fingerprints within 7 bits share at least one band.
const BANDS = 8;

/** One band's members: ids and fingerprint halves side by side, grown by doubling. */
class Bucket {
  size = 0;
  ids = new Float64Array(4);
  his = new Uint32Array(4);
  los = new Uint32Array(4);

  push(id: number, hi: number, lo: number): void {
    if (this.size === this.ids.length) {
      const grow = <T extends Float64Array | Uint32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.his = grow(this.his);
      this.los = grow(this.los);
    }
    this.ids[this.size] = id;
    this.his[this.size] = hi;
    this.los[this.size] = lo;
    this.size++;
  }

  /** Takes `id` out, the last member moving into its place (order within a band does not matter). */
  remove(id: number): void {
    const at = this.ids.indexOf(id);
    if (at < 0 || at >= this.size) return;
    const last = --this.size;
    this.ids[at] = this.ids[last]!;
    this.his[at] = this.his[last]!;
    this.los[at] = this.los[last]!;
  }
}

/** The band byte b (0 = most significant) of a fingerprint's halves. */
const bandOf = (hi: number, lo: number, b: number): number =>
  b < 4 ? (hi >>> (24 - b * 8)) & 0xff : (lo >>> (56 - b * 8)) & 0xff;

/**
 * Finds near-duplicates among known fingerprints without comparing against every one. Fingerprints
 * are kept as numbers, not hex strings: ingest asks this once per article against every stored one
 * that shares a band, so string slicing here once cost more than storing the article.
 */
export class NearDuplicateIndex {
  private readonly buckets: Bucket[] = Array.from({ length: BANDS * 256 }, () => new Bucket());
  /** Each member's fingerprint: an id is a member once, with the fingerprint it was last given. */
  private readonly members = new Map<number, string>();

  get size(): number {
    return this.members.size;
  }

  /** Adds the fingerprint under `id`, in place of the one `id` had. */
  add(id: number, hash: string): void {
    const had = this.members.get(id);
    if (had === hash) return;
    if (had !== undefined) this.remove(id);
    this.members.set(id, hash);
    const [hi, lo] = halves(hash);
    for (let b = 0; b < BANDS; b++) this.buckets[b * 256 + bandOf(hi, lo, b)]!.push(id, hi, lo);
  }

  remove(id: number): void {
    const hash = this.members.get(id);
    if (hash === undefined) return;
    this.members.delete(id);
    const [hi, lo] = halves(hash);
    for (let b = 0; b < BANDS; b++) this.buckets[b * 256 + bandOf(hi, lo, b)]!.remove(id);
  }

  /** The closest known fingerprint within `maxBits` (lowest id on ties), other than `exceptId`. */
  nearest(hash: string, maxBits = NEAR_DUPLICATE_BITS, exceptId = -1): number | undefined {
    const [hi, lo] = halves(hash);
    let bestId = -1;
    let bestD = maxBits + 1;
    for (let b = 0; b < BANDS; b++) {
      const { size, ids, his, los } = this.buckets[b * 256 + bandOf(hi, lo, b)]!;
      for (let i = 0; i < size; i++) {
        const d = popcount32(hi ^ his[i]!) + popcount32(lo ^ los[i]!);
        if (d > bestD) continue;
        const id = ids[i]!;
        if (id === exceptId) continue;
        if (d < bestD || id < bestId) {
          bestD = d;
          bestId = id;
        }
      }
    }
    return bestId >= 0 ? bestId : undefined;
  }
}
