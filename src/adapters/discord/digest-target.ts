import { type Client, type MessageCreateOptions, MessagePayload, Routes } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import type { DeliveryTarget } from '../../digest/target.ts';
import { renderReply } from './render.ts';

// Discord keeps a nonce only for a few minutes; after a longer outage the footer reference is what
// finds a message again, so it is checked in this much recent history.
const HISTORY = 50;

async function sendableChannel(client: Client, channelId: string, guildId: string | undefined) {
  // A worker's client has no gateway session, so no server in its cache: the channel is taken as
  // Discord describes it, server id included, which the check below reads.
  const channel = await client.channels.fetch(channelId, { allowUnknownGuild: true });
  if (!channel?.isSendable())
    throw new Error(`discord channel ${channelId} is not a channel the bot can post in`);
  // A server's schedule posts only in that server, whatever channel id was sent to the bot.
  if (guildId !== undefined && !('guildId' in channel && channel.guildId === guildId))
    throw new Error(`discord channel ${channelId} is not in server ${guildId}`);
  return channel;
}

/**
 * The daily digest's Discord destination: posts with a nonce and finds its own earlier post. With
 * `guildId` (a server's own schedule) it refuses a channel of any other server. `selfId` is the bot's
 * user id where the client has no gateway session to know it from (a queue worker's REST client).
 */
export function discordDigestTarget(
  client: Client,
  channelId: string,
  guildId?: string,
  selfId?: string,
): DeliveryTarget {
  return {
    platform: 'discord',
    destination: channelId,
    async send(message: Reply, nonce: string, { signal }: { signal?: AbortSignal } = {}) {
      const channel = await sendableChannel(client, channelId, guildId);
      const [first, ...rest] = renderReply(message, { ref: nonce });
      if (!first) throw new Error('the digest rendered to nothing');
      // channel.send's own request, with the signal it cannot take: once it aborts, the REST client
      // drops a request still waiting for its turn or a rate limit and cuts off the one in flight.
      const post = async (options: MessageCreateOptions) => {
        const { body, files } = await MessagePayload.create(channel, options).resolveBody().resolveFiles();
        return (await client.rest.post(Routes.channelMessages(channel.id), {
          body,
          ...(files ? { files } : {}),
          ...(signal ? { signal } : {}),
        })) as { id: string };
      };
      const posted = await post({ ...first, nonce, enforceNonce: true });
      for (const part of rest) await post(part);
      return { messageId: posted.id };
    },
    async findPosted(nonce: string) {
      const channel = await sendableChannel(client, channelId, guildId);
      const recent = await channel.messages.fetch({ limit: HISTORY });
      const mine = recent.find(
        (m) =>
          m.author.id === (client.user?.id ?? selfId) &&
          m.embeds.some((e) => e.footer?.text.includes(`ref:${nonce}`)),
      );
      return mine?.id ?? null;
    },
  };
}
