import type { Command } from 'commander';
import type { CliContext } from './context.ts';

// Placeholder owned by the bot work: registers its subcommands on the program.
export function registerBotCommands(_program: Command, _ctx: CliContext): void {}
