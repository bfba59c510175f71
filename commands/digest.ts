import { type CommandContext, defineCommand, type RunArgs, tenantOf } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { makeReply, type Reply, shortReply } from '../src/core/reply.ts';
import { audienceOf } from '../src/core/tenant.ts';
import { runDigest } from '../src/digest/run.ts';
import {
  describeSchedule,
  parseDays,
  parseTime,
  parseTopic,
  parseZone,
} from '../src/digest/schedule-spec.ts';
import { compileFilter } from '../src/filters/index.ts';

const ADMINS_ONLY = 'Only server admins can schedule or unschedule digests; /digest list shows them.';
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The tenant's platform, where a schedule posts: the operator's digest is DIGEST_* instead. */
function schedulingPlatform(ctx: CommandContext): 'discord' | 'slack' {
  const { platform } = tenantOf(ctx);
  if (platform === 'operator')
    throw new UserError(
      "The operator's digest is scheduled with DIGEST_CRON and DIGEST_TZ; /digest schedule works in a Discord server or a Slack workspace.",
    );
  return platform;
}

function schedule(ctx: CommandContext, args: RunArgs): Reply {
  const platform = schedulingPlatform(ctx);
  const time = parseTime(String(args.time));
  const timezone = parseZone(text(args.timezone) ?? ctx.config.DIGEST_TZ);
  const days = parseDays(text(args.days) ?? '');
  const topic = parseTopic(text(args.topic));
  // Checked now, so that a bad pattern is refused here rather than found at the slot.
  const filter = compileFilter({ include: text(args.include), exclude: text(args.exclude) });
  const row = ctx.store.schedules.add(
    tenantOf(ctx).id,
    {
      platform,
      channel: String(args.channel),
      time,
      timezone,
      days,
      topic,
      include: filter.include.join(', ') || null,
      exclude: filter.exclude.join(', ') || null,
      createdBy: ctx.user.id,
    },
    ctx.now().toISOString(),
  );
  return shortReply(`Scheduled ${describeSchedule(row, ctx.now())}.`, 'Digest scheduled');
}

function unschedule(ctx: CommandContext, args: RunArgs): Reply {
  const tenantId = tenantOf(ctx).id;
  const id = text(args.schedule)?.trim();
  const channel = text(args.channel);
  if (id !== undefined) {
    const number = /^#?(\d{1,12})$/.exec(id)?.[1];
    if (!number || !ctx.store.schedules.remove(tenantId, Number(number)))
      throw new UserError(`No schedule ${id} in this server; see /digest list.`);
    return shortReply(`Removed schedule #${number}.`, 'Digest unscheduled');
  }
  if (channel === undefined)
    throw new UserError('Say which: schedule:<id from /digest list> or channel:<#channel>.');
  const removed = ctx.store.schedules.removeForChannel(tenantId, channel);
  if (!removed) throw new UserError(`No schedule posts in ${channel}; see /digest list.`);
  return shortReply(
    `Removed ${removed} schedule${removed === 1 ? '' : 's'} of ${channel}.`,
    'Digest unscheduled',
  );
}

function list(ctx: CommandContext): Reply {
  const rows = ctx.store.schedules.list(tenantOf(ctx).id);
  return makeReply({
    title: 'Digest schedules',
    blocks: rows.length
      ? [{ type: 'list', items: rows.map((row) => ({ text: describeSchedule(row, ctx.now()) })) }]
      : [
          {
            type: 'paragraph',
            text: 'None yet: add one with /digest schedule channel:<#channel> time:<HH:MM>.',
          },
        ],
  });
}

async function now(ctx: CommandContext, args: RunArgs): Promise<Reply> {
  const post = args.post === true;
  if (post && !ctx.user.isAdmin) {
    throw new UserError('Only server admins can post the digest; run /digest without post to preview it.');
  }
  // A posted digest is recorded for this tenant only, so that its daily one does not repeat the items.
  const { reply } = await runDigest(ctx.store, ctx.config, {
    audience: audienceOf(tenantOf(ctx), ctx.config),
    now: ctx.now(),
    ephemeral: !post,
    record: post,
  });
  return reply;
}

export default defineCommand({
  name: 'digest',
  description: 'Preview or post the digest now; schedule it per channel (admins).',
  options: [],
  subcommands: [
    {
      name: 'now',
      description: 'Preview the next digest now (admins can post it to the channel)',
      options: [
        { name: 'post', description: 'Post it to this channel for everyone (admins only)', type: 'boolean' },
      ],
    },
    {
      name: 'schedule',
      description: 'Post a digest in a channel at a time of day (admins only)',
      options: [
        { name: 'channel', description: 'The channel it posts in', type: 'channel', required: true },
        { name: 'time', description: 'HH:MM on a 24-hour clock, e.g. 08:00', type: 'string', required: true },
        {
          name: 'timezone',
          description: 'IANA time zone, e.g. Europe/Berlin (default: the bot’s)',
          type: 'string',
        },
        { name: 'topic', description: 'What it focuses on (default: the server’s topic)', type: 'string' },
        { name: 'days', description: 'e.g. mon-fri or mon,wed,fri (default: every day)', type: 'string' },
        {
          name: 'include',
          description: 'Only articles with one of these: keywords, phrases, /regex/i, comma-separated',
          type: 'string',
        },
        {
          name: 'exclude',
          description: 'Leave out articles with any of these: keywords, phrases, /regex/i',
          type: 'string',
        },
      ],
    },
    {
      name: 'unschedule',
      description: 'Stop a scheduled digest, by its id or its channel (admins only)',
      options: [
        { name: 'schedule', description: 'The schedule id from /digest list', type: 'string' },
        { name: 'channel', description: 'Every schedule of this channel', type: 'channel' },
      ],
    },
    { name: 'list', description: "This server's digest schedules", options: [] },
  ],
  defaultSubcommand: 'now',
  adminOnly: false,
  slow: true,
  isPublic: (args) => args.post === true,
  async run(ctx, args) {
    if (args.subcommand === 'list') return list(ctx);
    if (args.subcommand === 'schedule' || args.subcommand === 'unschedule') {
      if (!ctx.user.isAdmin) throw new UserError(ADMINS_ONLY);
      return args.subcommand === 'schedule' ? schedule(ctx, args) : unschedule(ctx, args);
    }
    return now(ctx, args);
  },
});
