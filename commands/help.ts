import type { CommandDefinition, OptionDefinition } from '../src/core/command.ts';
import { defineCommand } from '../src/core/command.ts';
import { makeReply } from '../src/core/reply.ts';

const usage = (words: string[], options: OptionDefinition[]): string =>
  [...words, ...options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}]`))].join(' ');

function usageLines(def: CommandDefinition): string[] {
  const admin = def.adminOnly ? ' (admins only)' : '';
  if (!def.subcommands?.length)
    return [`${usage([`/${def.name}`], def.options)} — ${def.description}${admin}`];
  return def.subcommands.map(
    (s) => `${usage([`/${def.name}`, s.name], s.options)} — ${s.description}${admin}`,
  );
}

/** /help lists the commands it is given (the list in index.ts, which holds /help itself). */
export const helpCommand = (listed: () => CommandDefinition[]): CommandDefinition =>
  defineCommand({
    name: 'help',
    description: 'What this bot can do and how to ask.',
    options: [],
    adminOnly: false,
    tenantFree: true,
    async run() {
      return makeReply({
        title: 'newsdesk commands',
        blocks: [
          {
            type: 'list',
            items: listed()
              .flatMap(usageLines)
              .map((text) => ({ text })),
          },
          { type: 'footnote', text: 'Answers cite the articles they come from.' },
        ],
      });
    },
  });
