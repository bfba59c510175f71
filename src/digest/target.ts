import type { Reply } from '../core/reply.ts';

/**
 * A channel the daily digest goes to. Each adapter implements it (Discord: a channel id; Slack: a
 * channel id or name); the scheduler knows nothing else about the platform.
 */
export interface DeliveryTarget {
  platform: 'discord' | 'slack';
  destination: string;
  /**
   * Posts the message publicly, carrying `nonce` where the platform can keep it (Discord: the
   * message nonce; Slack: message metadata), and returns the platform's message id. Once `signal`
   * aborts, no request of this send is started or left in flight (and none is retried by the
   * client on its own): the delivery's lease ends then, and another sender may look for the post.
   */
  send(message: Reply, nonce: string, options?: { signal?: AbortSignal }): Promise<{ messageId: string }>;
  /** The id of a message already posted with this nonce (recent history), or null. */
  findPosted(nonce: string): Promise<string | null>;
}
