import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../support/discord-store.ts';
import { hasSharedCorpus, ingestFolder, OWN_FIXTURES, SHARED_CORPUS } from './corpus.ts';
import { percent, readGold, type Scores, score } from './score.ts';

function report(label: string, s: Scores): void {
  console.log(
    [
      `knowledge quality — ${label}:`,
      `  people found ${percent(s.peopleFound)}, role right ${percent(s.roleRight)} (current role ${percent(s.currentRoleRight)}), person precision ${percent(s.personPrecision)}`,
      `  organisations found ${percent(s.organisationsFound)}, furniture actors ${s.furnitureActors.length}`,
      `  events found ${percent(s.eventsFound)}, right day/range ${percent(s.eventsRightDate)}, one entry ${percent(s.eventsOneEntry)}, all sources ${percent(s.eventsAllSources)}, entries that are gold events ${percent(s.eventPrecision)} (${s.entriesGold}/${s.entries}), place right ${percent(s.placeRight)}`,
      ...s.misses.map((m) => `  miss: ${m}`),
    ].join('\n'),
  );
}

function qualitySuite(
  label: string,
  dir: string,
  goldFile: string,
  floors: Partial<Record<keyof Scores, number>>,
) {
  let store: Store;
  let dispose: () => void;
  let s: Scores;
  beforeAll(async () => {
    ({ store, cleanup: dispose } = tempStore());
    await ingestFolder(store, dir);
    s = score(store, readGold(goldFile));
    report(label, s);
  });
  afterAll(() => dispose());

  it('finds the people named with a role, with the right role', () => {
    expect(s.peopleFound).toBeGreaterThanOrEqual(floors.peopleFound ?? 0.95);
    expect(s.roleRight).toBeGreaterThanOrEqual(floors.roleRight ?? 0.9);
    expect(s.personPrecision).toBeGreaterThanOrEqual(floors.personPrecision ?? 0.9);
  });

  it('makes no comment author, byline or site name an actor', () => {
    expect(s.furnitureActors).toEqual([]);
  });

  it('finds the organisations', () => {
    expect(s.organisationsFound).toBeGreaterThanOrEqual(floors.organisationsFound ?? 1);
  });

  it('puts dated events on the right day or inside the right range, one entry each', () => {
    expect(s.eventsRightDate).toBeGreaterThanOrEqual(floors.eventsRightDate ?? 0.9);
    expect(s.eventsOneEntry).toBeGreaterThanOrEqual(floors.eventsOneEntry ?? 1);
    expect(s.eventsAllSources).toBeGreaterThanOrEqual(floors.eventsAllSources ?? 0.9);
  });

  it('puts each event where it happened, or nowhere, never at a place named for another reason', () => {
    expect(s.placeRight).toBeGreaterThanOrEqual(floors.placeRight ?? 1);
  });

  it('makes few timeline entries that are no gold event (minor statements, words taken for events)', () => {
    expect(s.eventPrecision).toBeGreaterThanOrEqual(floors.eventPrecision ?? 0);
  });
}

describe.skipIf(!hasSharedCorpus)('knowledge quality on the shared sample corpus', () => {
  qualitySuite('shared corpus', SHARED_CORPUS, 'shared-corpus.json', { eventPrecision: 1, placeRight: 0.93 });
});

describe('knowledge quality on our own test corpus', () => {
  qualitySuite('own corpus', OWN_FIXTURES, 'own-corpus.json', { eventPrecision: 0.85 });
});
