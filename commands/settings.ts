import type { Config } from '../src/config.ts';
import { defineCommand, tenantOf } from '../src/core/command.ts';
import type { Block } from '../src/core/reply.ts';
import { makeReply } from '../src/core/reply.ts';
import { OPERATOR, type Tenant } from '../src/core/tenant.ts';
import { describeSchedule } from '../src/digest/schedule-spec.ts';
import { describeFilter } from '../src/filters/index.ts';
import { type FeedHealth, listFeeds } from '../src/ingest/feeds/index.ts';
import type { ScheduleRow } from '../src/store/index.ts';

const feedLine = (f: FeedHealth, filters: string): string =>
  `#${f.id} ${f.title ?? f.url} <${f.url}>: ${f.mode === 'items' ? 'each item' : 'digest'}` +
  `${f.channel ? ` in ${f.channel}` : ''}${filters ? `, ${filters}` : ''}` +
  `${f.lastError ? `, failing (${f.consecutiveFailures}×)` : ''}`;

/** The digest the tenant gets: the operator's comes from DIGEST_*; a server's schedules are its own. */
function digestFields(tenant: Tenant, config: Config): { name: string; value: string }[] {
  if (tenant.id !== OPERATOR.id) return [];
  const channels = [
    ...config.DIGEST_DISCORD_CHANNEL_IDS.map((c) => `Discord ${c}`),
    ...config.DIGEST_SLACK_CHANNELS.map((c) => `Slack ${c}`),
  ];
  return [
    { name: 'Digest', value: `${config.DIGEST_CRON} (${config.DIGEST_TZ})` },
    {
      name: 'Digest channels',
      value: channels.join(', ') || 'none (DIGEST_DISCORD_CHANNEL_IDS, DIGEST_SLACK_CHANNELS)',
    },
  ];
}

function scheduleBlocks(schedules: ScheduleRow[], now: Date): Block[] {
  return [
    { type: 'heading', text: `Digest schedules (${schedules.length})` },
    schedules.length
      ? { type: 'list', items: schedules.map((row) => ({ text: describeSchedule(row, now) })) }
      : {
          type: 'paragraph',
          text: 'None: add one with /digest schedule channel:<#channel> time:<HH:MM>; preview with /digest.',
        },
  ];
}

export default defineCommand({
  name: 'settings',
  description: "This server's whole newsdesk configuration in one reply",
  options: [],
  adminOnly: true,
  async run(ctx) {
    const tenant = tenantOf(ctx);
    const feeds = listFeeds(ctx.store, ctx.config, tenant.id);
    const filters = ctx.store.itemPosts.filters(tenant.id);
    const filtersOf = (id: number): string => {
      const terms = filters.get(id);
      return terms ? describeFilter(terms) : '';
    };
    const schedules = ctx.store.schedules.list(tenant.id);
    const own = ctx.store.settings.all(tenant.id);
    const shared =
      tenant.id === OPERATOR.id
        ? 'the corpus and FEEDS are yours'
        : ctx.config.SHARED_SOURCES
          ? 'on: the operator’s corpus and FEEDS are in your answers'
          : 'off: only your own feeds';
    const blocks: Block[] = [
      {
        type: 'fields',
        fields: [
          { name: 'Tenant', value: tenant.id },
          { name: 'Shared sources', value: shared },
          { name: 'Digest topic', value: String(own.topic ?? ctx.config.DIGEST_TOPIC) },
          ...digestFields(tenant, ctx.config),
        ],
      },
      { type: 'heading', text: `Feeds (${feeds.length})` },
      feeds.length
        ? { type: 'list', items: feeds.map((f) => ({ text: feedLine(f, filtersOf(f.id)) })) }
        : { type: 'paragraph', text: 'None: add one with /feeds add url:<feed URL>.' },
      // The operator's digest is DIGEST_* (above): it schedules nothing from chat.
      ...(tenant.id === OPERATOR.id && schedules.length === 0 ? [] : scheduleBlocks(schedules, ctx.now())),
    ];
    const rest = Object.entries(own).filter(([key]) => key !== 'topic');
    if (rest.length) {
      blocks.push({
        type: 'fields',
        fields: rest.map(([name, value]) => ({ name, value: JSON.stringify(value) })),
      });
    }
    return makeReply({ title: 'Settings', blocks });
  },
});
