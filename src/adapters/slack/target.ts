import type { App } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import type { DeliveryTarget } from '../../digest/target.ts';
import { renderSlack } from './render.ts';

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
    async send(message: Reply, nonce: string) {
      let first: string | undefined;
      for (const [part, m] of renderSlack(message).entries()) {
        const res = await app.client.chat.postMessage({
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
      const hit = res.messages?.find(
        (m) =>
          m.metadata?.event_type === DIGEST_EVENT_TYPE &&
          (m.metadata.event_payload as { nonce?: string } | undefined)?.nonce === nonce,
      );
      return hit?.ts ?? null;
    },
  };
}
