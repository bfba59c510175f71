import { type Audience, OPERATOR_TENANT_ID } from './tenants.ts';

/**
 * The ids of the articles an audience may see, as a subquery with the named parameters @vTenant and
 * @vShared (bind them with `visibleTo`). An article from a feed is seen by the tenants subscribed to
 * that feed; the operator's shared sources, everything not from a feed (the corpus) and the FEEDS
 * subscriptions, by the operator and, while shared sources are on, by every tenant.
 */
export const VISIBLE_ARTICLES = `SELECT id FROM articles WHERE
  (feed_id IS NULL AND @vShared = 1)
  OR feed_id IN (SELECT feed_id FROM subscriptions
    WHERE tenant_id = @vTenant OR (@vShared = 1 AND tenant_id = '${OPERATOR_TENANT_ID}' AND origin = 'env'))`;

/** The parameters VISIBLE_ARTICLES reads. */
export const visibleTo = (audience: Audience): { vTenant: string; vShared: 0 | 1 } => ({
  vTenant: audience.tenantId,
  vShared: audience.tenantId === OPERATOR_TENANT_ID || audience.sharedSources ? 1 : 0,
});
