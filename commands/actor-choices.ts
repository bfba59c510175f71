import type { Choice, CommandContext } from '../src/core/command.ts';
import { MAX_SUGGESTIONS } from '../src/core/run-command.ts';
import { suggestActors } from '../src/knowledge/index.ts';

/** Autocomplete for actor options: the store's names, prefix matches first, then fuzzy. */
export const actorChoices = (ctx: CommandContext, typed: string): Choice[] =>
  suggestActors(ctx.store, typed, MAX_SUGGESTIONS).map((a) => ({ name: a.name, value: a.name }));
