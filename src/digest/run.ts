import type { Config } from '../config.ts';
import { digestReply } from '../core/summary-reply.ts';
import type { ArticleFilter } from '../filters/index.ts';
import type { Store } from '../store/index.ts';
import { type Audience, OPERATOR_AUDIENCE } from '../store/tenants.ts';
import { composeDigest, recordDigestPosted } from '../summarize/index.ts';
import type { PreparedDigest } from './deliver.ts';
import type { SlotPlan } from './slots.ts';

export interface RunDigestOptions {
  /** Whose digest (default: the operator's): its period, sources and reported items. */
  audience?: Audience;
  /** Start of the period (default: since the last posted digest, as composeDigest decides). */
  since?: string;
  /** End of the period. */
  now?: Date;
  /** Shown only to the person who asked (a preview); default false (a post). */
  ephemeral?: boolean;
  /** The digest's own topic (default DIGEST_TOPIC) and filter (default: none), e.g. a channel schedule's. */
  topic?: string;
  filter?: ArticleFilter;
  /** Records the digest as posted (an admin's /digest post); the scheduler records after delivery instead. */
  record?: boolean;
}

/** The one way a digest is made: the daily job and /digest both call this. */
export async function runDigest(
  store: Store,
  config: Config,
  options: RunDigestOptions = {},
): Promise<PreparedDigest> {
  const audience = options.audience ?? OPERATOR_AUDIENCE;
  const digest = await composeDigest(store, config, {
    audience,
    ...(options.since ? { since: options.since } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.filter && !options.filter.empty ? { filter: options.filter } : {}),
  });
  if (options.record) recordDigestPosted(store, audience.tenantId, digest);
  return { digest, reply: digestReply(digest, { ephemeral: options.ephemeral ?? false }) };
}

/** A scheduled slot's digest covers the slot's true period, even when it is posted late (catch-up). */
export const slotDigest =
  (
    store: Store,
    config: Config,
    audience: Audience = OPERATOR_AUDIENCE,
    focus: Pick<RunDigestOptions, 'topic' | 'filter'> = {},
  ) =>
  (plan: SlotPlan): Promise<PreparedDigest> =>
    runDigest(store, config, { ...focus, audience, since: plan.since, now: new Date(plan.until) });
