import type { Command } from 'commander';
import type { CliContext } from './context.ts';

// Placeholder owned by the ingest work: registers its subcommands on the program.
export function registerIngestCommands(_program: Command, _ctx: CliContext): void {}
