import pino from 'pino';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { PreparedDigest } from '../../src/digest/deliver.ts';
import { startDigestScheduler } from '../../src/digest/scheduler.ts';
import type { SlotPlan } from '../../src/digest/slots.ts';
import { openStore } from '../../src/store/index.ts';
import { FakeChannel, type PostedMessage, sampleDigest, sampleReply } from '../support/digest-fixtures.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-schedule-');

const log = pino({ level: 'silent' });
const retry = { attempts: 2, baseMs: 1, maxMs: 5 };

function setup(cronExpr: string, tz = 'UTC') {
  const config = loadConfig({ DIGEST_CRON: cronExpr, DIGEST_TZ: tz });
  const plans: SlotPlan[] = [];
  const prepare = async (plan: SlotPlan): Promise<PreparedDigest> => {
    plans.push(plan);
    const digest = sampleDigest(plan.since, plan.until);
    return { digest, reply: sampleReply(digest) };
  };
  return { config, plans, prepare };
}

describeOnEngines('digest schedule', (engine) => {
  it('catches up a slot missed while the bot was down, once, with its true period', async () => {
    const path = engine.target(tempDir());
    const { config, plans, prepare } = setup('0 8 * * *', 'Europe/Kyiv');
    const posted: PostedMessage[] = [];
    const now = () => new Date('2026-11-22T10:15:00Z'); // the 08:00 Kyiv slot (06:00Z) passed while down
    const ingests: string[] = [];
    const start = (store: ReturnType<typeof openStore>) =>
      startDigestScheduler({
        store,
        config,
        tenantId: 'operator',
        log,
        retry,
        now,
        prepare,
        targets: [new FakeChannel('slack', 'news', posted)],
        ingest: async () => ingests.push('ingest'),
      });

    const store = openStore(path);
    const first = start(store);
    expect((await first.catchUp()).map((o) => o.status)).toEqual(['posted']);
    await first.stop();
    store.close();

    const reopened = openStore(path);
    const second = start(reopened);
    expect((await second.catchUp()).map((o) => o.status)).toEqual(['already-posted']);
    await second.stop();
    reopened.close();

    expect(posted).toHaveLength(1);
    expect(plans).toEqual([
      {
        slot: '2026-11-22T08:00:00+02:00',
        since: '2026-11-21T06:00:00.000Z',
        until: '2026-11-22T06:00:00.000Z',
      },
    ]);
    expect(ingests).toEqual(['ingest', 'ingest']);
  });

  it('catches up a monthly slot missed 10 days ago, with the month since the slot before as its period', async () => {
    const store = openStore(engine.target(tempDir()));
    const { config, plans, prepare } = setup('0 9 1 * *', 'Europe/Paris');
    const channel = new FakeChannel('slack', 'monthly');
    const scheduler = startDigestScheduler({
      tenantId: 'operator',
      store,
      config,
      log,
      retry,
      prepare,
      now: () => new Date('2026-11-11T09:00:00Z'),
      targets: [channel],
      ingest: async () => 0,
    });
    expect((await scheduler.catchUp()).map((o) => o.status)).toEqual(['posted']);
    await scheduler.stop();
    store.close();
    expect(plans).toEqual([
      {
        slot: '2026-11-01T09:00:00+01:00',
        since: '2026-10-01T07:00:00.000Z',
        until: '2026-11-01T08:00:00.000Z',
      },
    ]);
    expect(channel.posted).toHaveLength(1);
  });

  it('still composes and posts when the ingest before it fails', async () => {
    const store = openStore(engine.target(tempDir()));
    const { config, prepare } = setup('0 8 * * *');
    const channel = new FakeChannel('discord', 'C1');
    const scheduler = startDigestScheduler({
      store,
      config,
      tenantId: 'operator',
      log,
      retry,
      prepare,
      targets: [channel],
      ingest: async () => {
        throw new Error('corpus folder missing');
      },
    });
    expect((await scheduler.catchUp()).map((o) => o.status)).toEqual(['posted']);
    await scheduler.stop();
    store.close();
  });

  it('the cron job posts the slot it fires for', async () => {
    const store = openStore(engine.target(tempDir()));
    const { config, plans, prepare } = setup('* * * * * *');
    const channel = new FakeChannel('slack', 'news');
    const scheduler = startDigestScheduler({
      store,
      config,
      tenantId: 'operator',
      log,
      retry,
      prepare,
      targets: [channel],
      ingest: async () => 0,
    });
    const outcomes = await scheduler.nextRun();
    await scheduler.stop();
    expect(outcomes.map((o) => o.status)).toEqual(['posted']);
    const plan = plans[0]!;
    expect(Date.parse(plan.until) - Date.parse(plan.since)).toBe(1000);
    expect(plan.slot).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(channel.posted.length).toBeGreaterThanOrEqual(1);
    store.close();
  });

  it('refuses an invalid DIGEST_CRON with a message naming it', () => {
    const store = openStore(':memory:');
    const { config, prepare } = setup('61 * * * *');
    expect(() =>
      startDigestScheduler({ tenantId: 'operator', store, config, log, prepare, targets: [] }),
    ).toThrow(/DIGEST_CRON/);
    store.close();
  });
});
