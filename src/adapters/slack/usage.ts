import type { OptionDefinition } from '../../core/command.ts';

/** How a command's options are typed on Slack: `actor:<actor> [from:…]`. */
export const optionsUsage = (options: OptionDefinition[]): string =>
  options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:…]`)).join(' ');
