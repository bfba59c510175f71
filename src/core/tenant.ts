import type { Config } from '../config.ts';
import { type Audience, OPERATOR_TENANT_ID, type TenantPlatform, tenantPlatform } from '../store/tenants.ts';
import { UserError } from './errors.ts';

/**
 * Who a command acts for: a Discord server (`discord:<guild id>`), a Slack workspace
 * (`slack:<team id>`), or the operator (`operator`: the console, the CLI and the environment's
 * FEEDS and DIGEST_* settings). Subscriptions, digests, reported items and settings belong to one.
 */
export interface Tenant {
  id: string;
  platform: TenantPlatform;
}

export const OPERATOR: Tenant = { id: OPERATOR_TENANT_ID, platform: 'operator' };

export const discordTenant = (guildId: string): Tenant => ({ id: `discord:${guildId}`, platform: 'discord' });

export const slackTenant = (teamId: string): Tenant => ({ id: `slack:${teamId}`, platform: 'slack' });

/** The tenant a --tenant option names (default: the operator); a malformed id is a UserError. */
export function parseTenant(id: string | undefined): Tenant {
  if (id === undefined) return OPERATOR;
  try {
    return { id, platform: tenantPlatform(id) };
  } catch (err) {
    throw new UserError(`--tenant: ${(err as Error).message}`, { cause: err });
  }
}

/** What the tenant's answers may draw on: its own feeds, and the operator's shared sources when SHARED_SOURCES is on. */
export const audienceOf = (tenant: Tenant, config: Pick<Config, 'SHARED_SOURCES'>): Audience => ({
  tenantId: tenant.id,
  sharedSources: config.SHARED_SOURCES,
});
