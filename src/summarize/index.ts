import type { Store } from '../store/index.ts';
import type { DigestResult } from './types.ts';

export { composeDigest } from './digest.ts';
export { type ActorProfile, actorProfile } from './profile.ts';
export { loadPrompts } from './prompts.ts';
export { neutraliseMentions, sanitizeOutput, stripInvisible } from './sanitize.ts';
export { summarize } from './summary.ts';
export type * from './types.ts';

/** Records that the tenant was sent this digest, so that its later digests do not repeat the items. */
export function recordDigestPosted(
  store: Store,
  tenantId: string,
  digest: DigestResult,
  postedAt?: string,
): number {
  const fingerprints = digest.fingerprints ?? [];
  const items = digest.items.map((item, i) => ({
    fingerprint: fingerprints[i] ?? [],
    articleIds: item.sources.map((s) => s.articleId),
  }));
  const { leftOut: _leftOut, fingerprints: _fp, ...posted } = digest;
  return store.summaries.recordDigest(tenantId, posted, items, postedAt);
}
