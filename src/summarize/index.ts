import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import type { DigestOptions, DigestResult, SummaryResult } from './types.ts';

export type * from './types.ts';

// Contract stub: the summaries work replaces the bodies; keep the signatures (other areas call them).

/** Composes (does not record) the digest of what is new since the last posted digest. */
export async function composeDigest(
  _store: Store,
  _config: Config,
  _options: DigestOptions = {},
): Promise<DigestResult> {
  throw new Error('summaries are not built yet');
}

/** Records that this digest was delivered, so that later digests do not repeat its items. */
export function recordDigestPosted(_store: Store, _digest: DigestResult): void {
  throw new Error('summaries are not built yet');
}

export async function summarize(
  _store: Store,
  _config: Config,
  _options: { topic?: string; days?: number; now?: Date },
): Promise<SummaryResult> {
  throw new Error('summaries are not built yet');
}
