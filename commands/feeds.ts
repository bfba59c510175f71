import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { makeReply, shortReply } from '../src/core/reply.ts';
import { addFeed, type FeedHealth, listFeeds, removeFeed } from '../src/ingest/feeds/index.ts';

function health(feed: FeedHealth): string {
  if (feed.lastError) return `failing (${feed.consecutiveFailures}×): ${feed.lastError}`;
  return feed.lastSuccess ? `ok, last fetched ${feed.lastSuccess}` : 'not fetched yet';
}

export default defineCommand({
  name: 'feeds',
  description: 'Manage the RSS/Atom feeds the desk follows (admins only).',
  options: [],
  subcommands: [
    {
      name: 'add',
      description: 'Follow a feed (checked and fetched once first)',
      options: [{ name: 'url', description: 'The RSS or Atom feed URL', type: 'string', required: true }],
      slow: true,
    },
    {
      name: 'remove',
      description: 'Stop following a feed',
      options: [
        {
          name: 'feed',
          description: 'The feed URL or its id from /feeds list',
          type: 'string',
          required: true,
        },
      ],
    },
    { name: 'list', description: 'The feeds followed, with their health', options: [] },
  ],
  adminOnly: true,
  slow: true,
  async run(ctx, args) {
    if (args.subcommand === 'add') {
      const feed = await addFeed(ctx.store, ctx.config, String(args.url).trim());
      return shortReply(`Now following ${feed.title ?? feed.url} (${feed.url}).`, 'Feed added');
    }
    if (args.subcommand === 'remove') {
      const target = String(args.feed).trim();
      if (!removeFeed(ctx.store, target)) throw new UserError(`No feed matches ${target}; see /feeds list.`);
      return shortReply(`Stopped following ${target}.`, 'Feed removed');
    }
    const feeds = listFeeds(ctx.store, ctx.config);
    return makeReply({
      title: 'Feeds',
      blocks: feeds.length
        ? [
            {
              type: 'list',
              items: feeds.map((f) => ({
                text: `#${f.id} ${f.title ?? f.url} <${f.url}> (${f.origin}): ${health(f)}`,
              })),
            },
          ]
        : [{ type: 'paragraph', text: 'No feeds yet: add one with /feeds add url:<feed URL>.' }],
    });
  },
});
