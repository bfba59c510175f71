import { optionsFor } from '../../core/args.ts';
import type { CommandDefinition, OptionDefinition, OptionValue, RunArgs } from '../../core/command.ts';
import { UserError } from '../../core/errors.ts';
import { optionsUsage } from './usage.ts';

/** Splits on spaces, keeping "quoted phrases" (straight or curly quotes) together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(/(\S*?)(?:"([^"]*)"|“([^”]*)”)|\S+/g)) {
    const quoted = m[2] ?? m[3];
    tokens.push(quoted === undefined ? m[0] : `${m[1] ?? ''}${quoted}`);
  }
  return tokens;
}

/** A channel as typed on Slack: an escaped mention `<#C123|general>` (its id) or `#general` (its name). */
const CHANNEL_MENTION = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i;

function coerce(option: OptionDefinition, raw: string): OptionValue {
  const text = raw.trim();
  if (option.type === 'channel') return CHANNEL_MENTION.exec(text)?.[1] ?? text.replace(/^#/, '');
  if (option.type === 'integer' && /^[-+]?\d+$/.test(text)) return Number(text);
  if (option.type === 'boolean') {
    if (/^(true|yes|on|1)$/i.test(text)) return true;
    if (/^(false|no|off|0)$/i.test(text)) return false;
  }
  // Anything else is left as typed: runCommand's argument check names the problem.
  return text;
}

const usage = (def: CommandDefinition, sub: string | undefined, options: OptionDefinition[]): string =>
  [`/${def.name}`, ...(sub ? [sub] : []), optionsUsage(options)].filter(Boolean).join(' ');

/**
 * Reads Slack's single text string against a command's options: `name:value` sets an option (the
 * value runs until the next `name:`), a bare boolean option name sets it true, and leading words
 * fill the first option not given (required ones first), so `/whois Steve Witkoff` and
 * `/timeline actor:Putin from:2025-11-01` both work. `/feeds add URL` picks the sub-command first
 * (the command's default one when the first word names none: `/digest post`).
 */
export function parseSlackText(def: CommandDefinition, text: string): RunArgs {
  let tokens = tokenize(text.trim());
  const args: RunArgs = {};
  if (def.subcommands?.length) {
    const first = tokens[0]?.toLowerCase();
    const named = def.subcommands.find((s) => s.name === first);
    const sub = named ?? def.subcommands.find((s) => s.name === def.defaultSubcommand);
    if (!sub) {
      const forms = def.subcommands.map((s) => usage(def, s.name, s.options)).join('\n');
      throw new UserError(`/${def.name} needs one of:\n${forms}`);
    }
    args.subcommand = sub.name;
    if (named) tokens = tokens.slice(1);
  }
  const options = optionsFor(def, args.subcommand);
  const byName = new Map(options.map((o) => [o.name.toLowerCase(), o]));
  const loose: string[] = [];
  const given = new Map<OptionDefinition, string[]>();
  let current: OptionDefinition | undefined;
  for (const token of tokens) {
    const named = /^([a-z][\w-]*):(.*)$/is.exec(token);
    const option = named ? byName.get(named[1]!.toLowerCase()) : undefined;
    if (named && option) {
      current = option;
      given.set(option, named[2] ? [named[2]] : []);
    } else if (!named && byName.get(token.toLowerCase())?.type === 'boolean') {
      given.set(byName.get(token.toLowerCase())!, ['true']);
      current = undefined;
    } else if (current?.type === 'string') {
      given.get(current)!.push(token);
    } else {
      loose.push(token);
    }
  }
  if (loose.length) {
    const free = [...options]
      .sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)))
      .find((o) => !given.has(o) && (o.type === 'string' || loose.length === 1));
    if (!free)
      throw new UserError(
        `Not sure what "${loose.join(' ')}" is for. Usage: ${usage(def, args.subcommand, options)}`,
      );
    given.set(free, loose);
  }
  for (const [option, words] of given) {
    if (words.length) args[option.name] = coerce(option, words.join(' '));
  }
  return args;
}
