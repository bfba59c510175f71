import { defineCommand, tenantOf } from '../src/core/command.ts';
import { audienceOf } from '../src/core/tenant.ts';
import { timelineReply } from '../src/core/timeline-reply.ts';
import { type TimelineQuery, timeline } from '../src/knowledge/index.ts';
import { actorChoices } from './actor-choices.ts';

// Enough for any page a person will click through; the rest is one query refinement away.
const MAX_EVENTS = 400;

export default defineCommand({
  name: 'timeline',
  description: 'What happened when: dated events, optionally for one actor, a period or a search.',
  options: [
    {
      name: 'actor',
      description: 'Only events involving this actor',
      type: 'string',
      autocomplete: actorChoices,
    },
    { name: 'from', description: 'Earliest date (YYYY-MM-DD)', type: 'string' },
    { name: 'to', description: 'Latest date (YYYY-MM-DD)', type: 'string' },
    { name: 'query', description: 'Words the event must match', type: 'string' },
  ],
  adminOnly: false,
  async run(ctx, args) {
    const query: TimelineQuery = {};
    for (const key of ['actor', 'from', 'to', 'query'] as const) {
      const value = args[key];
      if (typeof value === 'string' && value.trim()) query[key] = value.trim();
    }
    const audience = audienceOf(tenantOf(ctx), ctx.config);
    const { events } = timeline(ctx.store, { ...query, limit: MAX_EVENTS }, audience);
    return timelineReply(events, query, args.page ?? 0);
  },
});
