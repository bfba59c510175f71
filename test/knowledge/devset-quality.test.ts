import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { tempStore } from '../support/discord-store.ts';
import { type DevsetCounts, emptyCounts, figures, readDevsetGold, scoreDevset } from './devset-score.ts';

/** Forty real articles on other negotiations, with gold (../shared/devset/README.md); never copied here. */
const DEVSET = resolve(import.meta.dirname, '../../../shared/devset');
const FOLDERS = ['a', 'b'];
const hasDevset = FOLDERS.every((f) => existsSync(join(DEVSET, f, 'gold.json')));
if (!hasDevset) console.log(`knowledge dev-set tests: ${DEVSET} is absent; they are skipped`);

/**
 * Floors the suite holds today: raised as the knowledge work lands, up to the issue's targets
 * (people found 95%, role right 90%, person precision 97%, every merge, events right day 90%).
 */
const FLOORS = {
  publicationRight: 1,
  peopleFound: 1,
  roleRight: 0.92,
  merged: 0.95,
  personPrecision: 0.97,
  eventsRightDay: 0.92,
  eventsOneEntry: 1,
};
const MAX_NOISE_ACTORS = 0;
const MAX_FURNITURE_EVENTS = 0;
/** Places that are a participant's own country or city (suspect, no gold on places): 46% before venue rules. */
const MAX_PARTICIPANT_PLACES = 0.25;

const pct = (n: number, d: number) => `${d === 0 ? 100 : Math.round((n / d) * 100)}% (${n}/${d})`;

function report(c: DevsetCounts): void {
  console.log(
    [
      'knowledge quality — development set (../shared/devset a + b, each folder ingested alone):',
      `  publication dates right ${pct(c.pubRight, c.pubTotal)}; ingest failures ${c.ingestFailed}`,
      `  people found ${pct(c.found, c.actorsTotal)}, role right ${pct(c.roleRight, c.found)}, merges ${pct(c.merged, c.mergesTotal)}`,
      `  person precision ${pct(c.personsReal, c.personsReported)}; noise names returned ${c.noiseActors.length}${c.noiseActors.length ? `: ${c.noiseActors.join(', ')}` : ''}`,
      `  events on the right day ${pct(c.eventsRightDay, c.eventsTotal)}, one entry ${pct(c.eventsOneEntry, c.eventsRightDay)}, events made of furniture ${c.furnitureEvents.length}`,
      `  places given ${pct(c.placesGiven, c.entries)} of entries; of them a participant's own country or its city ${pct(c.placesOfParticipant.length, c.placesGiven)}`,
      ...c.furnitureEvents.map((e) => `  furniture event: ${e}`),
      ...c.placesOfParticipant.map((e) => `  place of a participant: ${e}`),
      ...c.misses.map((m) => `  miss: ${m}`),
    ].join('\n'),
  );
}

describe.skipIf(!hasDevset)(
  'knowledge quality on the development set (real news on other negotiations)',
  () => {
    const counts = emptyCounts();
    const cleanups: (() => void)[] = [];

    beforeAll(async () => {
      for (const folder of FOLDERS) {
        const { store, cleanup } = tempStore();
        cleanups.push(cleanup);
        const ingest = await runIngest(store, {
          corpusDirs: [join(DEVSET, folder, 'corpus')],
          feeds: false,
          config: loadConfig({ LOG_LEVEL: 'silent' }),
        });
        counts.ingestFailed += ingest.failed.length;
        for (const f of ingest.failed) counts.misses.push(`ingest failed: ${JSON.stringify(f)}`);
        scoreDevset(store, readDevsetGold(join(DEVSET, folder)), counts);
      }
      report(counts);
    }, 120_000);
    afterAll(() => {
      for (const c of cleanups) c();
    });

    it('ingests every article, with its publication date right and not estimated', () => {
      expect(counts.ingestFailed).toBe(0);
      expect(figures(counts).publicationRight).toBeGreaterThanOrEqual(FLOORS.publicationRight);
    });

    it('finds the people named with a role, with the right role or affiliation', () => {
      const f = figures(counts);
      expect(f.peopleFound).toBeGreaterThanOrEqual(FLOORS.peopleFound);
      expect(f.roleRight).toBeGreaterThanOrEqual(FLOORS.roleRight);
    });

    it('merges the spellings of one person the texts use', () => {
      expect(figures(counts).merged).toBeGreaterThanOrEqual(FLOORS.merged);
    });

    it('reports only people of the texts, and no byline or credit', () => {
      expect(figures(counts).personPrecision).toBeGreaterThanOrEqual(FLOORS.personPrecision);
      expect(counts.noiseActors.length).toBeLessThanOrEqual(MAX_NOISE_ACTORS);
    });

    it('puts events on the right day, one entry each, none made of furniture', () => {
      const f = figures(counts);
      expect(f.eventsRightDay).toBeGreaterThanOrEqual(FLOORS.eventsRightDay);
      expect(f.eventsOneEntry).toBeGreaterThanOrEqual(FLOORS.eventsOneEntry);
      expect(counts.furnitureEvents.length).toBeLessThanOrEqual(MAX_FURNITURE_EVENTS);
    });

    it('rarely gives a participant’s own country as an event’s place', () => {
      const share = counts.placesOfParticipant.length / Math.max(1, counts.placesGiven);
      expect(share).toBeLessThanOrEqual(MAX_PARTICIPANT_PLACES);
    });
  },
);
