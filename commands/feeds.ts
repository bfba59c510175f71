import { defineCommand, tenantOf } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { makeReply, shortReply } from '../src/core/reply.ts';
import { compileFilter, describeFilter } from '../src/filters/index.ts';
import { addFeed, type FeedHealth, listFeeds, removeFeed } from '../src/ingest/feeds/index.ts';

function health(feed: FeedHealth): string {
  if (feed.lastError) return `failing (${feed.consecutiveFailures}×): ${feed.lastError}`;
  return feed.lastSuccess ? `ok, last fetched ${feed.lastSuccess}` : 'not fetched yet';
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const where = (feed: FeedHealth): string =>
  `${feed.mode === 'items' ? 'each item' : 'digest'}${feed.channel ? ` in ${feed.channel}` : ''}`;

export default defineCommand({
  name: 'feeds',
  description: "Manage this server's RSS/Atom feeds (admins only).",
  options: [],
  subcommands: [
    {
      name: 'add',
      description: 'Follow a feed (checked and fetched once first; what it holds now is not posted)',
      options: [
        { name: 'url', description: 'The RSS or Atom feed URL', type: 'string', required: true },
        {
          name: 'channel',
          description: 'The channel its posts go to (default: the digest)',
          type: 'channel',
        },
        {
          name: 'mode',
          description: 'digest (default): in the digest; items: each new item posted',
          type: 'string',
          choices: [
            { name: 'digest', value: 'digest' },
            { name: 'items', value: 'items' },
          ],
        },
        {
          name: 'include',
          description: 'mode:items: post only articles with one of these (comma-separated words, or /regex/)',
          type: 'string',
        },
        {
          name: 'exclude',
          description:
            'mode:items: never post articles with any of these (comma-separated words, or /regex/)',
          type: 'string',
        },
      ],
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
    { name: 'list', description: "This server's feeds, with their health", options: [] },
  ],
  adminOnly: true,
  slow: true,
  async run(ctx, args) {
    const tenant = tenantOf(ctx);
    if (args.subcommand === 'add') {
      // Checked before anything is fetched: a bad pattern is an error naming the term.
      const filter = compileFilter({ include: text(args.include), exclude: text(args.exclude) });
      const feed = await addFeed(ctx.store, ctx.config, tenant.id, String(args.url).trim(), {
        channel: typeof args.channel === 'string' ? args.channel : null,
        mode: args.mode === 'items' ? 'items' : 'digest',
        ...(filter.empty ? {} : { filters: { include: filter.include, exclude: filter.exclude } }),
      });
      const backlog = feed.backlog ? ` Its ${feed.backlog} current items are stored, not posted.` : '';
      return shortReply(
        `Now following ${feed.title ?? feed.url} (${feed.url}) as #${feed.id}: ${where(feed)}.${backlog}`,
        'Feed added',
      );
    }
    if (args.subcommand === 'remove') {
      const target = String(args.feed).trim();
      if (!removeFeed(ctx.store, tenant.id, target))
        throw new UserError(`No feed of this server matches ${target}; see /feeds list.`);
      return shortReply(`Stopped following ${target}.`, 'Feed removed');
    }
    const feeds = listFeeds(ctx.store, ctx.config, tenant.id);
    const filters = ctx.store.itemPosts.filters(tenant.id);
    const filtered = (id: number): string => {
      const shown = describeFilter(filters.get(id) ?? { include: [], exclude: [] });
      return shown ? `, ${shown}` : '';
    };
    return makeReply({
      title: 'Feeds',
      blocks: feeds.length
        ? [
            {
              type: 'list',
              items: feeds.map((f) => ({
                text: `#${f.id} ${f.title ?? f.url} <${f.url}> (${f.origin}, ${where(f)}${filtered(f.id)}): ${health(f)}`,
              })),
            },
          ]
        : [{ type: 'paragraph', text: 'No feeds yet: add one with /feeds add url:<feed URL>.' }],
    });
  },
});
