import type { Reply } from '../../src/core/reply.ts';
import type { PreparedDigest } from '../../src/digest/deliver.ts';
import type { SlotPlan } from '../../src/digest/slots.ts';
import type { DeliveryTarget } from '../../src/digest/target.ts';
import type { ScheduleInput } from '../../src/store/index.ts';
import type { DigestResult } from '../../src/summarize/index.ts';

/** A fixed digest, as the summaries work would compose it for a period. */
export function sampleDigest(since: string, until: string): DigestResult {
  return {
    mode: 'extractive',
    note: null,
    since,
    until,
    headline: 'Negotiators met again',
    items: [
      {
        text: 'Delegations met to revise the draft plan <!channel>.',
        sources: [{ articleId: 1, title: 'Talks resume', url: 'https://news.example/a', source: 'Example' }],
      },
    ],
    watch: [],
    promptVersion: null,
  };
}

export function sampleReply(digest: DigestResult): Reply {
  return {
    title: `Digest ${digest.since} to ${digest.until}`,
    text: `${digest.headline}\n${digest.items.map((i) => `- ${i.text}`).join('\n')}`,
    blocks: [{ type: 'heading', text: digest.headline }],
    ephemeral: false,
    mode: digest.mode,
  };
}

/** Composes the sample digest for a slot's period, as the bot's prepare step would. */
export async function prepareSample(plan: SlotPlan): Promise<PreparedDigest> {
  const digest = sampleDigest(plan.since, plan.until);
  return { digest, reply: sampleReply(digest) };
}

/** The 08:00 UTC slot of 22 November 2026 and its period. */
export const SAMPLE_PLAN: SlotPlan = {
  slot: '2026-11-22T08:00:00+00:00',
  since: '2026-11-21T08:00:00.000Z',
  until: '2026-11-22T08:00:00.000Z',
};

export interface PostedMessage {
  channel: string;
  nonce: string;
  message: Reply;
  id: string;
}

/**
 * An in-memory chat platform: it keeps every message posted to it, finds them by nonce, and can be
 * told to fail or to "lose" its answer after storing the message (the crash between post and record).
 */
export class FakeChannel implements DeliveryTarget {
  failuresBeforeSuccess = 0;
  dieAfterPosting = false;

  constructor(
    readonly platform: 'discord' | 'slack',
    readonly destination: string,
    readonly posted: PostedMessage[] = [],
  ) {}

  async send(message: Reply, nonce: string): Promise<{ messageId: string }> {
    if (this.failuresBeforeSuccess > 0) {
      this.failuresBeforeSuccess--;
      throw new Error(`503 from ${this.platform}`);
    }
    const id = `m${this.posted.length + 1}`;
    this.posted.push({ channel: this.destination, nonce, message, id });
    if (this.dieAfterPosting) throw new Error('process killed after the platform accepted the post');
    return { messageId: id };
  }

  async findPosted(nonce: string): Promise<string | null> {
    return this.posted.find((p) => p.channel === this.destination && p.nonce === nonce)?.id ?? null;
  }
}

/** A channel schedule as /digest schedule makes it: daily at 08:00 UTC on Discord channel C1 unless told. */
export const scheduleInput = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
  platform: 'discord',
  channel: 'C1',
  time: '08:00',
  timezone: 'UTC',
  days: '*',
  topic: null,
  include: null,
  exclude: null,
  createdBy: 'admin',
  ...over,
});
