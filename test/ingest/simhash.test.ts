import { describe, expect, it } from 'vitest';
import {
  hammingDistance,
  NEAR_DUPLICATE_BITS,
  NearDuplicateIndex,
  simhash,
} from '../../src/ingest/simhash.ts';

const story = `Negotiators from both governments met for a second day in the lakeside city on Tuesday and said
they had narrowed their differences over the draft framework. The chief mediator told reporters that the
hardest issues, the future border and the guarantees for the smaller country, would be left for the leaders.
Officials from the neighbouring states welcomed the progress but warned that a deal could still collapse if
either side returned to its earlier demands. Markets in the region rose modestly on the news, and the
currency of the smaller country reached its strongest level in three months. A further round is planned
for next week, when the foreign ministers are expected to join the talks for the first time. Diplomats
said the host government had offered to guarantee the security of both delegations and to pay for the
interpreters, and that a draft communique was already being prepared in three languages. Opposition leaders
in the larger country criticised the talks as premature, while aid agencies urged both sides to agree on
access for relief convoys to the villages along the disputed river before the winter.`;

const otherStory = `The city council approved a new budget for public transport on Monday after a long debate
about fares for students and pensioners. The mayor said the plan would add two tram lines by the end of the
decade and replace the oldest buses with electric models. Opposition members argued that the cost estimates
were too optimistic and asked the auditor to review the contracts before any money is spent. Residents of the
northern districts, who have waited years for a rail link, said they would believe it when they saw it.`;

describe('simhash', () => {
  it('gives the same fingerprint for the same text and null for a fragment', () => {
    expect(simhash(story)).toBe(simhash(story));
    expect(simhash(story)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash('too short to judge')).toBeNull();
  });

  it('keeps a lightly edited copy within the near-duplicate threshold', () => {
    const edited = `${story.replace('on Tuesday', 'on Tuesday afternoon').replace('three months', 'three full months')}
      Reporting by the wire desk.`;
    expect(hammingDistance(simhash(story)!, simhash(edited)!)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
  });

  it('keeps different stories far apart', () => {
    expect(hammingDistance(simhash(story)!, simhash(otherStory)!)).toBeGreaterThan(NEAR_DUPLICATE_BITS * 2);
  });

  it('finds the nearest indexed original and ignores the article itself', () => {
    const index = new NearDuplicateIndex();
    index.add(1, simhash(story)!);
    index.add(2, simhash(otherStory)!);
    const copy = `${story} Additional reporting by the regional bureau.`;
    expect(index.nearest(simhash(copy)!)).toBe(1);
    expect(index.nearest(simhash(story)!, NEAR_DUPLICATE_BITS, 1)).toBeUndefined();
  });

  it('forgets a removed fingerprint, and holds one fingerprint per id: the last it was given', () => {
    const index = new NearDuplicateIndex();
    const copy = simhash(`${story} Additional reporting by the regional bureau.`)!;
    index.add(1, simhash(story)!);
    index.add(2, simhash(otherStory)!);
    index.remove(1);
    expect(index.nearest(copy)).toBeUndefined();
    index.add(2, simhash(story)!);
    expect(index.size).toBe(1);
    expect(index.nearest(copy)).toBe(2);
    expect(index.nearest(simhash(otherStory)!)).toBeUndefined();
  });

  it('answers as a comparison against every fingerprint would: closest first, lowest id on ties', () => {
    let seed = 42;
    const next32 = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed;
    };
    const hex = (hi: number, lo: number) =>
      hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
    const flip = (hash: string, bits: number) => {
      let hi = Number.parseInt(hash.slice(0, 8), 16);
      let lo = Number.parseInt(hash.slice(8), 16);
      for (let i = 0; i < bits; i++) {
        const bit = next32() % 64;
        if (bit < 32) hi = (hi ^ (1 << bit)) >>> 0;
        else lo = (lo ^ (1 << (bit - 32))) >>> 0;
      }
      return hex(hi, lo);
    };
    const stored: string[] = [];
    const index = new NearDuplicateIndex();
    for (let id = 0; id < 2000; id++) {
      // Every fourth fingerprint is a near copy of an earlier one, so that hits and ties occur.
      const hash = id % 4 === 3 ? flip(stored[next32() % id]!, next32() % 9) : hex(next32(), next32());
      stored.push(hash);
      index.add(id, hash);
    }
    // Removals move other members within their bands: the answers must not change for them.
    const removed = new Set<number>();
    for (let id = 0; id < 2000; id += 5) {
      index.remove(id);
      removed.add(id);
    }
    const bruteForce = (hash: string, exceptId: number) => {
      let best: { id: number; d: number } | undefined;
      stored.forEach((other, id) => {
        const d = hammingDistance(hash, other);
        if (id !== exceptId && !removed.has(id) && d <= NEAR_DUPLICATE_BITS && (!best || d < best.d))
          best = { id, d };
      });
      return best?.id;
    };
    let hits = 0;
    for (let q = 0; q < 500; q++) {
      const probe = flip(stored[next32() % stored.length]!, next32() % 10);
      const except = q % 2 ? -1 : next32() % stored.length;
      const expected = bruteForce(probe, except);
      if (expected !== undefined) hits++;
      expect(index.nearest(probe, NEAR_DUPLICATE_BITS, except)).toBe(expected);
    }
    expect(hits).toBeGreaterThan(200);
  });
});
