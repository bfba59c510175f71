import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { startConsole } from '../../../src/adapters/console/index.ts';
import { renderConsole } from '../../../src/adapters/console/render.ts';
import { loadConfig } from '../../../src/config.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { openStore, type Store } from '../../../src/store/index.ts';

const paged = defineCommand({
  name: 'paged',
  description: 'Three pages of whatever it was asked',
  options: [{ name: 'actor', description: 'who', type: 'string' }],
  adminOnly: true,
  run: async (ctx, args) => ({
    text: `page ${args.page ?? 0} for ${String(args.actor)} (admin: ${ctx.user.isAdmin})`,
    blocks: [],
    ephemeral: true,
    pagination: { command: 'paged', args: { actor: String(args.actor) }, page: args.page ?? 0, pages: 3 },
  }),
});

let store: Store;
afterEach(() => store?.close());

async function session(lines: string[]): Promise<string> {
  store = openStore(':memory:');
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const s = startConsole({ store, config: loadConfig({}), input, output, commands: [...commands, paged] });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await s.done;
  return out;
}

describe('console mode', () => {
  it('answers typed commands with the same definitions, as an admin, and pages with /more', async () => {
    const out = await session(['/paged actor:Someone Else', '/more', '/more', '/more']);
    expect(out).toContain('page 0 for Someone Else (admin: true)');
    expect(out).toContain('type /more for the next');
    expect(out).toContain('page 2 for Someone Else');
    expect(out).toContain('Nothing more to show.');
  });

  it('lists the commands on /help and explains unknown commands and plain text', async () => {
    const out = await session(['/help', '/frobnicate', 'hello there']);
    expect(out).toContain('/whois');
    expect(out).toContain('Unknown command /frobnicate. Type /help for the list.');
    expect(out).toContain('Type a slash command');
  });

  it('shows a usage problem as a message and keeps reading', async () => {
    const out = await session(['/feeds', '/help']);
    expect(out).toContain('/feeds needs one of');
    expect(out).toContain('newsdesk commands');
  });

  it('stops at /quit without reading further', async () => {
    const out = await session(['/quit', '/help']);
    expect(out).toBe('');
  });

  it('renders the mode and the next-page hint as plain text', () => {
    const text = renderConsole({
      text: 'Digest\n• item',
      blocks: [],
      ephemeral: true,
      mode: 'extractive',
      pagination: { command: 'timeline', args: {}, page: 0, pages: 2 },
    });
    expect(text).toBe('Digest\n• item\n(extractive)\n— page 1 of 2; type /more for the next —\n');
  });

  it('prints no terminal control sequence that came from article or LLM text', () => {
    const text = renderConsole({
      text: 'Talks \u001b[2J\u001b]0;owned\u0007resume\r\u009b31m today\u007f\n\ttabbed',
      blocks: [],
      ephemeral: true,
    });
    expect(text).toBe('Talks [2J]0;ownedresume31m today\n\ttabbed\n');
  });
});
