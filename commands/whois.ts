import { defineCommand, tenantOf } from '../src/core/command.ts';
import { audienceOf } from '../src/core/tenant.ts';
import { actorReply, notFoundReply } from '../src/core/whois-reply.ts';
import { whois } from '../src/knowledge/index.ts';
import { actorProfile } from '../src/summarize/index.ts';
import { actorChoices } from './actor-choices.ts';

export default defineCommand({
  name: 'whois',
  description: 'Who is this person or organisation? Role, affiliation, recent events, sources.',
  options: [
    {
      name: 'actor',
      description: 'A name as it appears in the news',
      type: 'string',
      required: true,
      autocomplete: actorChoices,
    },
  ],
  adminOnly: false,
  async run(ctx, args) {
    const result = whois(ctx.store, String(args.actor), audienceOf(tenantOf(ctx), ctx.config));
    if (!result.actor) return notFoundReply(result);
    // The LLM profile, when one is configured and answers; the extractive profile otherwise.
    const llm = await actorProfile(ctx.store, ctx.config, result.actor);
    if (!llm) return actorReply(result.actor);
    return actorReply(result.actor, { profile: llm.text, mode: `llm: ${ctx.config.LLM_MODEL}` });
  },
});
