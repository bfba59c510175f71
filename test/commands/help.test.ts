import { afterAll, describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../commands/index.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { commandContext, tempStore } from '../support/discord-store.ts';

const { store, cleanup } = tempStore();
afterAll(cleanup);

describe('/help', () => {
  it('lists every command and sub-command with its usage', async () => {
    const reply = await runCommand(findCommand('help')!, commandContext(store), {});
    for (const def of commands) expect(reply.text).toContain(`/${def.name}`);
    expect(reply.text).toContain('/whois actor:<actor>');
    expect(reply.text).toContain('/feeds add url:<url>');
    expect(reply.text).toContain('(admins only)');
    for (const line of reply.text.split('\n'))
      expect(line.split('(admins only)').length).toBeLessThanOrEqual(2);
  });
});

describe('command definitions', () => {
  it('have unique lowercase names and descriptions within platform limits', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const def of commands) {
      expect(def.name).toMatch(/^[a-z][a-z0-9-]{0,31}$/);
      expect(def.description.length).toBeLessThanOrEqual(100);
      for (const o of [...def.options, ...(def.subcommands ?? []).flatMap((s) => s.options)]) {
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('refuses /feeds to a non-admin without touching the feeds', async () => {
    const reply = await runCommand(findCommand('feeds')!, commandContext(store), {
      subcommand: 'add',
      url: 'http://127.0.0.1/feed.xml',
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/admins/);
  });
});
