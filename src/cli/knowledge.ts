import type { Command } from 'commander';
import type { CliContext } from './context.ts';

// Placeholder owned by the knowledge work: registers its subcommands on the program.
export function registerKnowledgeCommands(_program: Command, _ctx: CliContext): void {}
