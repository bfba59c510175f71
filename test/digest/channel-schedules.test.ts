import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { discordTenant } from '../../src/core/tenant.ts';
import { type ChannelSchedules, startChannelSchedules } from '../../src/digest/channel-schedules.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { DigestResult } from '../../src/summarize/index.ts';
import { OFF_TOPIC, ON_TOPIC } from '../summarize/fixtures.ts';
import { article } from '../summarize/helpers.ts';
import { FakeChannel, type PostedMessage, scheduleInput } from '../support/digest-fixtures.ts';
import { commandContext, testConfig } from '../support/discord-store.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-channel-schedules-');
const log = pino({ level: 'silent' });
const retry = { attempts: 1, baseMs: 1, maxMs: 1 };
const A = discordTenant('111');
const B = discordTenant('222');
const CREATED = '2026-11-21T20:00:00.000Z';

const schedule = scheduleInput;

/** The store with our own articles, published inside the periods the slots below cover. */
function seeded(path: string): { store: Store; ids: Map<string, number> } {
  const store = openStore(path);
  const ids = new Map<string, number>();
  for (const [i, a] of [...ON_TOPIC, ...OFF_TOPIC].entries()) {
    const published = new Date(Date.parse('2026-11-21T21:00:00Z') + i * 60_000).toISOString();
    ids.set(a.title, store.articles.insert(article({ ...a, published })));
  }
  return { store, ids };
}

/** A runner over fake channels (one per channel id) with a clock the test moves. */
function runner(
  store: Store,
  clock: { now: Date },
  posted: PostedMessage[],
  broken: string[] = [],
  pollMs = 3_600_000,
) {
  const channels = new Map<string, FakeChannel>();
  const running = startChannelSchedules({
    store,
    config: testConfig(),
    log,
    retry,
    now: () => clock.now,
    pollMs,
    ingest: async () => undefined,
    targetFor: ({ platform, channel }) => {
      let target = channels.get(channel);
      if (!target) {
        target = new FakeChannel(platform, channel, posted);
        if (broken.includes(channel)) target.failuresBeforeSuccess = Number.POSITIVE_INFINITY;
        channels.set(channel, target);
      }
      return target;
    },
  });
  runners.push(running);
  return running;
}

const runners: ChannelSchedules[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop();
});

const statuses = (outcomes: { scheduleId: number; status: string }[]) =>
  outcomes.map((o) => [o.scheduleId, o.status]).sort();
const postedIn = (posted: PostedMessage[], channel: string) => posted.filter((p) => p.channel === channel);
const slotDigestOf = (store: Store, tenantId: string, slot: string) =>
  store.deliveries.slot(tenantId, slot)?.digest as DigestResult;

describeOnEngines('channel digest schedules', (engine) => {
  it('posts two schedules of one tenant, at their own times, zones and topics, once per slot', async () => {
    const { store } = seeded(engine.target(tempDir()));
    const kyiv = store.schedules.add(
      A.id,
      schedule({ channel: 'C1', time: '08:00', timezone: 'Europe/Kyiv', topic: 'ceasefire talks' }),
      CREATED,
    );
    const york = store.schedules.add(
      A.id,
      schedule({ channel: 'C2', time: '09:30', timezone: 'America/New_York', topic: 'security summit' }),
      CREATED,
    );
    const clock = { now: new Date('2026-11-22T06:00:00Z') }; // 08:00 in Kyiv, 01:00 in New York
    const posted: PostedMessage[] = [];
    const run = runner(store, clock, posted);

    expect(statuses(await run.tick())).toEqual([[kyiv.id, 'posted']]);
    clock.now = new Date('2026-11-22T06:00:40Z');
    expect(await run.tick()).toEqual([]);
    clock.now = new Date('2026-11-22T14:30:00Z'); // 09:30 in New York
    expect(statuses(await run.tick())).toEqual([[york.id, 'posted']]);
    expect(await run.tick()).toEqual([]);
    clock.now = new Date('2026-11-23T06:00:00Z');
    expect(statuses(await run.tick())).toEqual([[kyiv.id, 'posted']]);

    expect(postedIn(posted, 'C1')).toHaveLength(2);
    expect(postedIn(posted, 'C2')).toHaveLength(1);
    const first = slotDigestOf(store, A.id, `2026-11-22T08:00:00+02:00#s${kyiv.id}`);
    const second = slotDigestOf(store, A.id, `2026-11-22T09:30:00-05:00#s${york.id}`);
    expect(first).toMatchObject({ topic: 'ceasefire talks', until: '2026-11-22T06:00:00.000Z' });
    expect(second).toMatchObject({ topic: 'security summit', until: '2026-11-22T14:30:00.000Z' });
    // Each channel's delivery is the tenant's, claimed once.
    expect(store.deliveries.list(A.id).map((d) => [d.destination, d.status])).toEqual([
      ['C1', 'posted'],
      ['C2', 'posted'],
      ['C1', 'posted'],
    ]);
    store.close();
  });

  it('catches up the latest slot missed while down, once, across a restart', async () => {
    const path = engine.target(tempDir());
    const { store } = seeded(path);
    const daily = store.schedules.add(
      A.id,
      schedule({ channel: 'C1', time: '08:00', timezone: 'Asia/Tokyo' }),
      CREATED,
    );
    const posted: PostedMessage[] = [];
    // Down from before the 22nd's slot until the 24th, 10:00 UTC: the slot of the 24th (08:00 Tokyo) is due.
    const clock = { now: new Date('2026-11-24T10:00:00Z') };
    expect(statuses(await runner(store, clock, posted).tick())).toEqual([[daily.id, 'posted']]);
    await runners.pop()!.stop();
    store.close();

    const reopened = openStore(path);
    expect(await runner(reopened, clock, posted).tick()).toEqual([]);
    expect(posted).toHaveLength(1);
    expect(reopened.deliveries.list(A.id)).toMatchObject([
      { slot: `2026-11-24T08:00:00+09:00#s${daily.id}`, status: 'posted' },
    ]);
    reopened.close();
  });

  it('does not post a slot that passed before the schedule was made', async () => {
    const { store } = seeded(engine.target(tempDir()));
    store.schedules.add(A.id, schedule({ time: '08:00' }), '2026-11-22T09:00:00.000Z');
    const clock = { now: new Date('2026-11-22T09:05:00Z') };
    const posted: PostedMessage[] = [];
    expect(await runner(store, clock, posted).tick()).toEqual([]);
    clock.now = new Date('2026-11-23T08:00:00Z');
    expect(await runners[0]!.tick()).toHaveLength(1);
    store.close();
  });

  it('picks up schedules added and removed from chat without a restart', async () => {
    const { store } = seeded(engine.target(tempDir()));
    const clock = { now: new Date('2026-11-22T06:30:00Z') };
    const posted: PostedMessage[] = [];
    const run = runner(store, clock, posted);
    expect(await run.tick()).toEqual([]);

    const admin = commandContext(store, {
      platform: 'discord',
      tenant: A,
      user: { id: 'admin', isAdmin: true },
      now: () => clock.now,
    });
    const digest = findCommand('digest')!;
    const added = await runCommand(digest, admin, {
      subcommand: 'schedule',
      channel: 'C7',
      time: '07:00',
      timezone: 'UTC',
    });
    expect(added.text).toContain('#1 in C7: 07:00 UTC, every day');
    clock.now = new Date('2026-11-22T07:00:00Z');
    expect(statuses(await run.tick())).toEqual([[1, 'posted']]);

    const removed = await runCommand(digest, admin, { subcommand: 'unschedule', channel: 'C7' });
    expect(removed.text).toContain('Removed 1 schedule of C7');
    clock.now = new Date('2026-11-23T07:00:00Z');
    expect(await run.tick()).toEqual([]);
    expect(postedIn(posted, 'C7')).toHaveLength(1);
    store.close();
  });

  it('runs from its own timer a schedule added while it waits', async () => {
    const { store } = seeded(engine.target(tempDir()));
    const clock = { now: new Date('2026-11-22T08:00:00Z') };
    const posted: PostedMessage[] = [];
    const run = runner(store, clock, posted, [], 20);
    store.schedules.add(A.id, schedule({ channel: 'T', time: '08:00' }), CREATED);
    let outcomes: Awaited<ReturnType<ChannelSchedules['nextRun']>> = [];
    // Ticks before the schedule was seen come back empty; the one after it posts its slot.
    for (let ticks = 0; outcomes.length === 0 && ticks < 100; ticks++) outcomes = await run.nextRun();
    expect(outcomes.map((o) => [o.channel, o.status])).toEqual([['T', 'posted']]);
    expect(postedIn(posted, 'T')).toHaveLength(1);
    await run.stop();
    store.close();
  });

  it("posts every tenant's schedules, and one failing channel costs no other", async () => {
    const { store } = seeded(engine.target(tempDir()));
    const a = store.schedules.add(A.id, schedule({ channel: 'A-news' }), CREATED);
    const broken = store.schedules.add(B.id, schedule({ channel: 'B-gone' }), CREATED);
    const b = store.schedules.add(B.id, schedule({ channel: 'B-news' }), CREATED);
    const clock = { now: new Date('2026-11-22T08:00:00Z') };
    const posted: PostedMessage[] = [];
    const run = runner(store, clock, posted, ['B-gone']);
    expect(statuses(await run.tick())).toEqual(
      [
        [a.id, 'posted'],
        [broken.id, 'failed'],
        [b.id, 'posted'],
      ].sort(),
    );
    expect(posted.map((p) => p.channel).sort()).toEqual(['A-news', 'B-news']);
    // The failed slot waits for the next slot or start instead of being retried at every tick.
    expect(await run.tick()).toEqual([]);
    expect(store.deliveries.list(A.id).map((d) => d.destination)).toEqual(['A-news']);
    expect(store.deliveries.list(B.id).map((d) => [d.destination, d.status])).toEqual([
      ['B-gone', 'claimed'],
      ['B-news', 'posted'],
    ]);
    store.close();
  });

  it("composes each digest from only the articles its schedule's keyword and regex filters pass", async () => {
    const { store, ids } = seeded(engine.target(tempDir()));
    const title = (i: number) => ON_TOPIC[i]!.title;
    const keyword = store.schedules.add(A.id, schedule({ channel: 'K', include: 'ceasefire' }), CREATED);
    const pattern = store.schedules.add(
      A.id,
      schedule({ channel: 'R', include: '/prisoner|Baltic/i', exclude: 'qatari' }),
      CREATED,
    );
    const clock = { now: new Date('2026-11-22T08:00:00Z') };
    await runner(store, clock, []).tick();
    const sourcesOf = (id: number) =>
      new Set(
        slotDigestOf(store, A.id, `2026-11-22T08:00:00+00:00#s${id}`).items.flatMap((item) =>
          item.sources.map((s) => s.articleId),
        ),
      );
    // 'ceasefire' is in the Vienna and the Security Council articles only (as a whole word).
    const withCeasefire = new Set([ids.get(title(0)), ids.get(title(1))]);
    const keywordSources = sourcesOf(keyword.id);
    expect(keywordSources.size).toBeGreaterThan(0);
    for (const id of keywordSources) expect(withCeasefire).toContain(id);
    // The pattern keeps the Baltic summit and the prisoner exchange; the exclude drops the latter.
    expect([...sourcesOf(pattern.id)]).toEqual([ids.get(title(2))]);
    store.close();
  });
});
