import type { CommandDefinition } from '../src/core/command.ts';
import digest from './digest.ts';
import feeds from './feeds.ts';
import { helpCommand } from './help.ts';
import settings from './settings.ts';
import summary from './summary.ts';
import timeline from './timeline.ts';
import whois from './whois.ts';

/** Every slash command, in the order help lists them; adapters and registration read this list. */
export const commands: CommandDefinition[] = [
  whois,
  timeline,
  summary,
  digest,
  feeds,
  settings,
  helpCommand(() => commands),
];

export const findCommand = (name: string): CommandDefinition | undefined =>
  commands.find((c) => c.name === name);
