import type { Command } from 'commander';
import type { CliContext } from './context.ts';

// Placeholder owned by the summarize work: registers its subcommands on the program.
export function registerSummarizeCommands(_program: Command, _ctx: CliContext): void {}
