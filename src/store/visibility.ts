import { type Audience, OPERATOR_TENANT_ID } from './tenants.ts';

/** The feeds whose articles the audience may see: its own subscriptions and, when shared, the FEEDS ones. */
const SEEN_FEEDS = `SELECT feed_id FROM subscriptions
  WHERE tenant_id = @vTenant OR (@vShared = 1 AND tenant_id = '${OPERATOR_TENANT_ID}' AND origin = 'env')`;

/**
 * "The article row `alias` may be seen by the audience", with the named parameters @vTenant and
 * @vShared (bind them with `visibleTo`). An article from a feed is seen by the tenants subscribed to
 * that feed; the operator's shared sources, everything not from a feed (the corpus) and the FEEDS
 * subscriptions, by the operator and, while shared sources are on, by every tenant.
 */
export const visibleArticle = (alias: string): string =>
  `((${alias}.feed_id IS NULL AND @vShared = 1) OR ${alias}.feed_id IN (${SEEN_FEEDS}))`;

/**
 * "The article with id `idColumn` may be seen", for rows that point at an article. A correlated
 * lookup by primary key rather than `IN (all visible ids)`: that list costs a scan of every article
 * per query (90 ms of a whois on 50,000 articles), while EXISTS over an actor's mentions stops at
 * the first visible one.
 */
export const visibleArticleId = (idColumn: string): string =>
  `EXISTS (SELECT 1 FROM articles va WHERE va.id = ${idColumn} AND ${visibleArticle('va')})`;

/** The parameters the visibility conditions read. */
export const visibleTo = (audience: Audience): { vTenant: string; vShared: 0 | 1 } => ({
  vTenant: audience.tenantId,
  vShared: audience.tenantId === OPERATOR_TENANT_ID || audience.sharedSources ? 1 : 0,
});
