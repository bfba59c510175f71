import type { Analyser } from './prepare.ts';

let loaded: Promise<Analyser> | undefined;

/**
 * Knowledge's analysisOf, loaded on first use. Worker threads load it only when a job asks for an
 * analysis: its vocabularies and date parser enlarge the heap, which slowed every garbage collection
 * of a worker that only parses feeds by a sixth.
 */
export function lazyAnalyser(wanted: boolean | undefined): Promise<Analyser | undefined> {
  if (!wanted) return Promise.resolve(undefined);
  loaded ??= import('../knowledge/analyze.ts').then((m) => m.analysisOf);
  return loaded;
}
