import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { extractiveDigest } from './digest.ts';
import type { Period } from './period.ts';
import type { Prepared } from './pipeline.ts';
import { extractiveSummary } from './summary.ts';
import type { DigestResult, SummaryResult } from './types.ts';

// First increment: the LLM path lands next; until then a configured LLM still gets the extractive result.
export async function composeWithLlm(
  store: Store,
  _config: Config,
  prepared: Prepared,
  period: Period,
  topic: string,
): Promise<DigestResult> {
  return extractiveDigest(store, prepared, period, topic, 'LLM path not available yet: extractive result');
}

export async function summarizeWithLlm(
  store: Store,
  _config: Config,
  prepared: Prepared,
  topic: string | null,
  days: number,
): Promise<SummaryResult> {
  return extractiveSummary(store, prepared, topic, days, 'LLM path not available yet: extractive result');
}
