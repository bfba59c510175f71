import type { CommandDefinition, OptionDefinition, RunArgs } from './command.ts';
import { UserError } from './errors.ts';

/** The options that apply to this call: the chosen sub-command's, else the command's own. */
export function optionsFor(def: CommandDefinition, subcommand: string | undefined): OptionDefinition[] {
  if (!def.subcommands?.length) return def.options;
  const sub = def.subcommands.find((s) => s.name === subcommand);
  if (!sub) {
    throw new UserError(`/${def.name} needs one of: ${def.subcommands.map((s) => s.name).join(', ')}.`);
  }
  return sub.options;
}

function checkOption(option: OptionDefinition, value: unknown): void {
  const name = option.name;
  if (option.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new UserError(`${name} must be a whole number.`);
    if (option.min !== undefined && value < option.min)
      throw new UserError(`${name} must be at least ${option.min}.`);
    if (option.max !== undefined && value > option.max)
      throw new UserError(`${name} must be at most ${option.max}.`);
  } else if (option.type === 'boolean' && typeof value !== 'boolean') {
    throw new UserError(`${name} must be true or false.`);
  } else if (option.type === 'string' && (typeof value !== 'string' || !value.trim())) {
    throw new UserError(`${name} must be some text.`);
  } else if (option.type === 'channel' && (typeof value !== 'string' || !/^[\w-]{1,80}$/.test(value))) {
    throw new UserError(`${name} must be a channel.`);
  }
  if (option.choices && !option.choices.some((c) => c.value === value)) {
    throw new UserError(`${name} must be one of: ${option.choices.map((c) => c.value).join(', ')}.`);
  }
}

/** Checks arguments against the definition, whatever platform parsed them; a problem is a UserError. */
export function checkArgs(def: CommandDefinition, args: RunArgs): void {
  for (const option of optionsFor(def, args.subcommand)) {
    const value = args[option.name];
    if (value === undefined) {
      if (option.required) throw new UserError(`${option.name} is required.`);
      continue;
    }
    checkOption(option, value);
  }
}
