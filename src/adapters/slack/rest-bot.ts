import { webApi } from '@slack/bolt';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { SlackNotInstalledError } from './errors.ts';
import { SlackInstallations } from './installations.ts';
import { slackDigestTarget, type TokenSource } from './target.ts';

/** The Web API client's base URL (SLACK_API_URL) and retries, for the app and a worker's own client. */
export const webApiOptions = (config: Pick<Config, 'SLACK_API_URL'>, retries = 3) => ({
  ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, '/') } : {}),
  retryConfig: { retries, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
});

/**
 * The token each delivery is sent with: the app's own, or (OAuth mode) the tenant's installation's.
 * A delivery for no workspace (the operator's) fails at send, where the delivery code records it.
 */
export function tokenSource(
  installations: SlackInstallations | undefined,
  teamId: string | undefined,
): TokenSource {
  if (!installations) return () => undefined;
  return () => {
    if (!teamId)
      throw new SlackNotInstalledError(
        "OAuth mode: a Slack channel is reached through its workspace's installation; the operator has none",
      );
    return installations.botToken(teamId);
  };
}

/**
 * Slack for a queue worker: the Web API client alone (no Socket Mode session, no HTTP server), with
 * the same delivery targets as the app's. In OAuth mode each workspace's token comes from the store.
 */
export function slackRestBot(config: Config, store: Store, log: Logger) {
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, webApiOptions(config));
  const installations = config.SLACK_CLIENT_ID ? new SlackInstallations(store, log) : undefined;
  return {
    digestTarget: (channel: string, teamId?: string) =>
      slackDigestTarget({ client }, channel, tokenSource(installations, teamId)),
  };
}
