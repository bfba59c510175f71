import { type App, LogLevel, webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import type { DeliveryTarget } from '../../digest/target.ts';
import { renderSlack } from './render.ts';

const { WebClient } = webApi;
type WebClient = InstanceType<typeof webApi.WebClient>;

export const DIGEST_EVENT_TYPE = 'newsdesk_digest';
/** How far back findPosted looks: a digest is found again long after any crash-restart. */
const HISTORY_LIMIT = 200;

/**
 * The token a call is made with: undefined for the app's own (SLACK_BOT_TOKEN), else the
 * workspace's from its installation (OAuth mode), asked for at each call so that an uninstall or a
 * reinstall takes effect at once.
 */
export type TokenSource = () => string | undefined;

const withToken = (token: TokenSource): { token?: string } => {
  const value = token();
  return value === undefined ? {} : { token: value };
};

/**
 * The app's client for one send under `signal`: no request starts or stays in flight once it aborts,
 * and none is retried or held for a rate limit by the client (a blind retry could post twice; the
 * delivery's own retries look for the post first).
 */
function boundedClient(client: WebClient, signal: AbortSignal): WebClient {
  return new WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    // A request cut off at the deadline is the delivery's to log (with its channel), not the client's.
    logLevel: LogLevel.ERROR,
    rejectRateLimitedCalls: true,
    fetch: (url, init) => {
      signal.throwIfAborted();
      return fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    },
  });
}

/**
 * A Slack channel as a digest destination. Each message carries the delivery nonce in its metadata,
 * so that after a crash the bot can look in the channel's history instead of posting again.
 */
export function slackDigestTarget(
  app: Pick<App, 'client'>,
  channel: string,
  token: TokenSource = () => undefined,
): DeliveryTarget {
  return {
    platform: 'slack',
    destination: channel,
    async send(message: Reply, nonce: string, { signal }: { signal?: AbortSignal } = {}) {
      const client = signal ? boundedClient(app.client, signal) : app.client;
      let first: string | undefined;
      for (const [part, m] of renderSlack(message).entries()) {
        const res = await client.chat.postMessage({
          ...withToken(token),
          channel,
          text: m.text,
          blocks: m.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { nonce, part } },
        });
        first ??= res.ts;
      }
      if (!first) throw new Error('Slack accepted the digest but returned no message ts');
      return { messageId: first };
    },
    async findPosted(nonce: string) {
      const res = await app.client.conversations.history({
        ...withToken(token),
        channel,
        limit: HISTORY_LIMIT,
        include_all_metadata: true,
      });
      const payload = (m: NonNullable<typeof res.messages>[number]) =>
        m.metadata?.event_type === DIGEST_EVENT_TYPE
          ? (m.metadata.event_payload as { nonce?: string; part?: number } | undefined)
          : undefined;
      // Every part of a digest carries the nonce; its id is the first part's, as send returns it.
      const hits = (res.messages ?? []).filter((m) => payload(m)?.nonce === nonce);
      const hit = hits.find((m) => payload(m)?.part === 0) ?? hits.at(-1);
      return hit?.ts ?? null;
    },
  };
}
