import { afterAll, describe, expect, it } from 'vitest';
import { defineCommand, NO_TENANT_MESSAGE } from '../../src/core/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { shortReply } from '../../src/core/reply.ts';
import {
  ADMIN_ONLY_MESSAGE,
  GENERIC_FAILURE,
  runAutocomplete,
  runCommand,
} from '../../src/core/run-command.ts';
import { log } from '../../src/log.ts';
import { commandContext, tempStore } from '../support/discord-store.ts';

// The failures below are logged on purpose; keep the test output readable.
log.level = 'silent';

const echo = defineCommand({
  name: 'echo',
  description: 'says what it is told',
  options: [
    { name: 'text', description: 'what to say', type: 'string', required: true },
    { name: 'times', description: 'how often', type: 'integer', min: 1, max: 3 },
    {
      name: 'colour',
      description: 'a colour',
      type: 'string',
      autocomplete: (_ctx, typed) => {
        if (typed === 'boom') throw new Error('suggestion source down');
        return Array.from({ length: 40 }, (_, i) => ({ name: `${typed}${i}`, value: `${typed}${i}` }));
      },
    },
  ],
  adminOnly: false,
  async run(_ctx, args) {
    if (args.text === 'user-mistake') throw new UserError('That name is not known.');
    if (args.text === 'bug') throw new TypeError('cannot read properties of undefined');
    return shortReply(String(args.text).repeat(Number(args.times ?? 1)));
  },
});

const admin = defineCommand({ ...echo, name: 'admin', adminOnly: true });

describe('runCommand', () => {
  const { store, cleanup } = tempStore();
  const ctx = commandContext(store);
  afterAll(cleanup);

  it('returns the handler reply', async () => {
    const reply = await runCommand(echo, ctx, { text: 'hi', times: 2 });
    expect(reply.text).toBe('hihi');
  });

  it('shows a UserError message as a short ephemeral reply', async () => {
    const reply = await runCommand(echo, ctx, { text: 'user-mistake' });
    expect(reply).toMatchObject({ ephemeral: true, text: 'That name is not known.' });
  });

  it('answers an unexpected error with a generic message and does not throw', async () => {
    const reply = await runCommand(echo, ctx, { text: 'bug' });
    expect(reply).toMatchObject({ ephemeral: true, text: GENERIC_FAILURE });
    expect(reply.text).not.toContain('undefined');
  });

  it('refuses an admin-only command to a non-admin before running it', async () => {
    const reply = await runCommand(admin, ctx, { text: 'bug' });
    expect(reply).toMatchObject({ ephemeral: true, text: ADMIN_ONLY_MESSAGE });
    const allowed = await runCommand(admin, { ...ctx, user: { id: 'a', isAdmin: true } }, { text: 'ok' });
    expect(allowed.text).toBe('ok');
  });

  it('checks arguments against the definition whatever platform parsed them', async () => {
    expect((await runCommand(echo, ctx, {})).text).toBe('text is required.');
    expect((await runCommand(echo, ctx, { text: 'x', times: 9 })).text).toBe('times must be at most 3.');
    expect((await runCommand(echo, ctx, { text: 'x', times: 1.5 })).text).toBe(
      'times must be a whole number.',
    );
  });

  it('caps suggestions at 25 and turns a failing source into no suggestions', async () => {
    expect(await runAutocomplete(echo, ctx, 'colour', 'red')).toHaveLength(25);
    expect(await runAutocomplete(echo, ctx, 'colour', 'boom')).toEqual([]);
    expect(await runAutocomplete(echo, ctx, 'text', 'x')).toEqual([]);
  });

  it('refuses a tenant-scoped command where there is no tenant (a Discord DM), and suggests nothing there', async () => {
    const dm = { ...ctx, tenant: null };
    let ran = false;
    const probe = defineCommand({
      ...echo,
      run: async () => {
        ran = true;
        return shortReply('ran');
      },
    });
    expect((await runCommand(probe, dm, { text: 'hi' })).text).toBe(NO_TENANT_MESSAGE);
    expect(ran).toBe(false);
    expect(await runAutocomplete(echo, dm, 'colour', 'red')).toEqual([]);
    const help = defineCommand({ ...probe, tenantFree: true });
    expect((await runCommand(help, dm, { text: 'hi' })).text).toBe('ran');
  });
});
