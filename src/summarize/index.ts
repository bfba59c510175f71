import { type Config, llmConfigured } from '../config.ts';
import type { WhoisActor } from '../knowledge/types.ts';
import type { Store } from '../store/index.ts';
import type { ActorProfile } from './profile.ts';
import type { DigestResult } from './types.ts';

export { composeDigest } from './digest.ts';
export type { ActorProfile } from './profile.ts';
export { loadPrompts } from './prompts.ts';
export { neutraliseMentions, sanitizeOutput, stripInvisible } from './sanitize.ts';
export { summarize } from './summary.ts';
export type * from './types.ts';

/** The LLM's grounded profile of an actor, or null without an LLM; the LLM code loads only with one. */
export async function actorProfile(
  store: Store,
  config: Config,
  actor: WhoisActor,
): Promise<ActorProfile | null> {
  if (!llmConfigured(config)) return null;
  const profile = await import('./profile.ts');
  return profile.actorProfile(store, config, actor);
}

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
