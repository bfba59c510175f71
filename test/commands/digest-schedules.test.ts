import { afterAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.ts';
import type { CommandContext, RunArgs } from '../../src/core/command.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { discordTenant, OPERATOR, slackTenant } from '../../src/core/tenant.ts';
import { scheduleInput } from '../support/digest-fixtures.ts';
import { commandContext, tempStore } from '../support/discord-store.ts';

const { store, cleanup } = tempStore();
afterAll(cleanup);

const digest = findCommand('digest')!;
const settings = findCommand('settings')!;
const A = discordTenant('111');
const B = discordTenant('222');

const as = (tenant: typeof A, isAdmin = true): CommandContext =>
  commandContext(store, { platform: 'discord', tenant, user: { id: `${tenant.id}-user`, isAdmin } });
const run = async (ctx: CommandContext, args: RunArgs) => (await runCommand(digest, ctx, args)).text;
const scheduleArgs = (over: RunArgs = {}): RunArgs => ({
  subcommand: 'schedule',
  channel: 'C100',
  time: '08:00',
  ...over,
});

describe('/digest schedule, unschedule and list', () => {
  it('schedules with a zone, days, topic and filters, and lists them', async () => {
    const text = await run(
      as(A),
      scheduleArgs({
        time: '7:30',
        timezone: 'Europe/Kyiv',
        days: 'mon-fri',
        topic: 'ceasefire talks',
        include: 'ceasefire, /talks? (re)?start/i',
        exclude: 'sport',
      }),
    );
    expect(text).toMatch(
      /Scheduled #\d+ in C100: 07:30 Europe\/Kyiv, mon,tue,wed,thu,fri, topic: ceasefire talks, include: ceasefire, \/talks\? \(re\)\?start\/i; exclude: sport \(next /,
    );
    const list = await run(as(A, false), { subcommand: 'list' });
    expect(list).toContain('in C100: 07:30 Europe/Kyiv, mon,tue,wed,thu,fri');
    expect((await runCommand(settings, as(A), {})).text).toContain('in C100: 07:30 Europe/Kyiv');
  });

  it.each([
    [{ time: '25:00' }, 'time: 25:00 is not a time of day'],
    [{ time: '8.30' }, 'time: 8.30 is not a time of day'],
    [{ timezone: 'Mars/Olympus' }, 'timezone: Mars/Olympus is not an IANA time zone'],
    [{ timezone: '+02:00' }, 'timezone: +02:00 is not an IANA time zone'],
    [{ days: 'funday' }, 'days: funday is not a list of days'],
    [{ days: 'mon-fri-sat' }, 'days: mon-fri-sat is not a list of days'],
    [{ include: 'peace, /(a)\\1/' }, 'include: the pattern /(a)\\1/ uses backreferences'],
    [{ exclude: '/[unclosed/' }, 'exclude: the pattern /[unclosed/ has no closing slash'],
    [{ exclude: '/(?<=x)y/' }, 'uses lookbehind'],
    [{ topic: 'x'.repeat(101) }, 'topic: at most 100 characters'],
  ])('refuses %o with a clear error and stores nothing', async (over, message) => {
    const before = store.schedules.list(A.id).length;
    expect(await run(as(A), scheduleArgs(over))).toContain(message);
    expect(store.schedules.list(A.id)).toHaveLength(before);
  });

  it('lets only admins schedule and unschedule; anyone may list', async () => {
    expect(await run(as(A, false), scheduleArgs())).toContain('Only server admins can schedule');
    expect(await run(as(A, false), { subcommand: 'unschedule', schedule: '1' })).toContain(
      'Only server admins can schedule',
    );
    expect(await run(as(A, false), { subcommand: 'list' })).toContain('Digest schedules');
  });

  it("keeps one tenant's schedules from every other: list, settings, unschedule by id or channel", async () => {
    const own = (await run(as(A), scheduleArgs({ channel: 'C-private', time: '06:00' }))).match(
      /#(\d+)/,
    )![1]!;
    const slackB = commandContext(store, {
      platform: 'slack',
      tenant: slackTenant('T9'),
      user: { id: 'U1', isAdmin: true },
    });
    for (const other of [as(B), slackB]) {
      expect(await run(other, { subcommand: 'list' })).toContain('None yet');
      const otherSettings = (await runCommand(settings, other, {})).text;
      expect(otherSettings).toContain('Digest schedules (0)');
      expect(otherSettings).not.toContain('C-private');
      expect(await run(other, { subcommand: 'unschedule', schedule: own })).toContain(`No schedule ${own}`);
      expect(await run(other, { subcommand: 'unschedule', schedule: `#${own}` })).toContain('No schedule');
      expect(await run(other, { subcommand: 'unschedule', channel: 'C-private' })).toContain(
        'No schedule posts in C-private',
      );
    }
    expect(store.schedules.list(A.id).map((s) => String(s.id))).toContain(own);
    expect(await run(as(A), { subcommand: 'unschedule', schedule: own })).toContain(
      `Removed schedule #${own}`,
    );
    expect(store.schedules.list(A.id).map((s) => String(s.id))).not.toContain(own);
  });

  it('asks which schedule to remove when given neither id nor channel', async () => {
    expect(await run(as(A), { subcommand: 'unschedule' })).toContain('Say which');
  });

  it("sends the operator to DIGEST_CRON: the console's tenant has no channel to schedule", async () => {
    const console = commandContext(store, { tenant: OPERATOR, user: { id: 'op', isAdmin: true } });
    expect(await run(console, scheduleArgs())).toContain('DIGEST_CRON and DIGEST_TZ');
    const operatorSettings = (await runCommand(settings, console, {})).text;
    expect(operatorSettings).toContain('0 8 * * *');
    expect(operatorSettings).not.toContain('Digest schedules');
  });
});

describe('schedules in the store', () => {
  it('are read, listed and removed only within their tenant', () => {
    const input = scheduleInput({ createdBy: null });
    const a = store.schedules.add('discord:store-a', input);
    expect(store.schedules.get('discord:store-b', a.id)).toBeUndefined();
    expect(store.schedules.list('discord:store-b')).toEqual([]);
    expect(store.schedules.remove('discord:store-b', a.id)).toBe(false);
    expect(store.schedules.removeForChannel('discord:store-b', 'C1')).toBe(0);
    expect(store.schedules.get('discord:store-a', a.id)).toMatchObject({
      channel: 'C1',
      tenantId: 'discord:store-a',
    });
  });
});
