import type { Command } from 'commander';
import type { CliContext } from './context.ts';

// Placeholder owned by the feeds work: registers its subcommands on the program.
export function registerFeedsCommands(_program: Command, _ctx: CliContext): void {}
