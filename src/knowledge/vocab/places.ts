// General gazetteer: countries (with demonyms and common short forms) and major cities/venues.
// Topic-neutral vocabulary; nothing here is specific to any article.

import { PLACES } from './cities.ts';
import { COUNTRIES } from './countries.ts';

export interface PlaceEntry {
  name: string;
  kind: 'country' | 'place';
}

const byKey = new Map<string, PlaceEntry>();
/** Demonyms and adjectival forms: they point at a country but are not a mention of it. */
const adjectival = new Set<string>();
const fold = (s: string) => s.toLowerCase().replace(/\./g, '');

for (const [name, ...aliases] of COUNTRIES) {
  const entry: PlaceEntry = { name: name!, kind: 'country' };
  byKey.set(fold(name!), entry);
  for (const a of aliases) {
    byKey.set(fold(a), entry);
    if (/(an|ans|ish|ese|ch|i|ic|ss|ek)$/i.test(a) && a !== 'America' && !/^[A-Z.]+$/.test(a)) {
      adjectival.add(fold(a));
    }
  }
}
for (const [name, ...aliases] of PLACES) {
  const entry: PlaceEntry = { name: name!, kind: 'place' };
  for (const a of [name!, ...aliases]) byKey.set(fold(a), entry);
}
// Adjectives of regions, peoples and faiths: they qualify a name and are no part of one.
for (const a of `European Europeans Western Eurasian Korean Koreans Arab Arabs Muslim Muslims Kurdish Kurds
  Sunni Shia Shiite Druze Alawite Maronite Syriac Coptic Hindu Sikh Baltic Nordic Balkan Gulf`.split(/\s+/))
  adjectival.add(fold(a));

export function lookupPlace(surface: string): PlaceEntry | undefined {
  return byKey.get(fold(surface));
}

/** The country a word names or points at ("Chile", "Chilean" -> "Chile"), or null. */
export function countryOfWord(surface: string): string | null {
  const place = lookupPlace(surface);
  return place?.kind === 'country' ? place.name : null;
}

/** True for "Russian", "French", ...: an adjective pointing at a country. */
export function isDemonym(surface: string): boolean {
  return adjectival.has(fold(surface));
}

/** Longest place name (in words) in the gazetteer, for greedy matching. */
export const MAX_PLACE_WORDS = 4;
