import { type Choice, type CommandContext, tenantOf } from '../src/core/command.ts';
import { MAX_SUGGESTIONS } from '../src/core/run-command.ts';
import { audienceOf } from '../src/core/tenant.ts';
import { suggestActors } from '../src/knowledge/index.ts';

/** Autocomplete for actor options: names this tenant's sources know, prefix matches first, then fuzzy. */
export const actorChoices = (ctx: CommandContext, typed: string): Choice[] =>
  suggestActors(ctx.store, typed, MAX_SUGGESTIONS, audienceOf(tenantOf(ctx), ctx.config)).map((a) => ({
    name: a.name,
    value: a.name,
  }));
