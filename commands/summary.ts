import { defineCommand, tenantOf } from '../src/core/command.ts';
import { summaryReply } from '../src/core/summary-reply.ts';
import { audienceOf } from '../src/core/tenant.ts';
import { summarize } from '../src/summarize/index.ts';

export default defineCommand({
  name: 'summary',
  description: 'A sourced summary of recent news, optionally on one topic.',
  options: [
    { name: 'topic', description: 'What to focus on (default: the digest topic)', type: 'string' },
    { name: 'days', description: 'How many days back (default 7)', type: 'integer', min: 1, max: 90 },
  ],
  adminOnly: false,
  slow: true,
  async run(ctx, args) {
    const topic = typeof args.topic === 'string' && args.topic.trim() ? args.topic.trim() : undefined;
    const chosen = typeof args.days === 'number';
    const result = await summarize(ctx.store, ctx.config, {
      audience: audienceOf(tenantOf(ctx), ctx.config),
      ...(topic ? { topic } : {}),
      days: chosen ? (args.days as number) : 7,
      widen: !chosen,
      now: ctx.now(),
    });
    return summaryReply(result);
  },
});
