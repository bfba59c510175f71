import pino from 'pino';
import { expect, it } from 'vitest';
import { deliverSlot, type PreparedDigest } from '../../src/digest/deliver.ts';
import type { SlotPlan } from '../../src/digest/slots.ts';
import { openStore } from '../../src/store/index.ts';
import {
  FakeChannel,
  type PostedMessage,
  SAMPLE_PLAN,
  sampleDigest,
  sampleReply,
} from '../support/digest-fixtures.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-deliver-');

const log = pino({ level: 'silent' });
const fast = { attempts: 3, baseMs: 1, maxMs: 5 };
const plan = SAMPLE_PLAN;

function composer() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    prepare: async (p: SlotPlan): Promise<PreparedDigest> => {
      calls++;
      const digest = sampleDigest(p.since, p.until);
      // Each composition differs, so a re-composed retry would show up in what was posted.
      digest.headline = `${digest.headline} (composition ${calls})`;
      return { digest, reply: sampleReply(digest) };
    },
  };
}

describeOnEngines('exactly-once digest delivery', (engine) => {
  it('posts one message per destination and nothing on a second run', async () => {
    const store = openStore(engine.target(tempDir()));
    const posted: PostedMessage[] = [];
    const targets = [new FakeChannel('discord', 'C1', posted), new FakeChannel('slack', 'news', posted)];
    const c = composer();
    const first = await deliverSlot(store, plan, targets, {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: c.prepare,
    });
    expect(first.map((o) => o.status)).toEqual(['posted', 'posted']);
    const second = await deliverSlot(store, plan, targets, {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: c.prepare,
    });
    expect(second.map((o) => o.status)).toEqual(['already-posted', 'already-posted']);
    expect(posted.map((p) => p.channel)).toEqual(['C1', 'news']);
    expect(c.calls).toBe(1);
    expect(
      store.deliveries.list('operator', plan.slot).every((d) => d.status === 'posted' && d.messageId),
    ).toBe(true);
    store.close();
  });

  it('after a failure right after the claim, a restart posts once with the stored message', async () => {
    const path = engine.target(tempDir());
    const posted: PostedMessage[] = [];
    const c = composer();
    const before = openStore(path);
    const broken = new FakeChannel('slack', 'news', posted);
    broken.failuresBeforeSuccess = 99;
    const outcome = await deliverSlot(before, plan, [broken], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: c.prepare,
    });
    expect(outcome[0]?.status).toBe('failed');
    expect(before.deliveries.get('operator', plan.slot, 'slack', 'news')).toMatchObject({
      status: 'claimed',
      attempts: 3,
      lastError: '503 from slack',
    });
    before.close();

    const after = openStore(path);
    const healthy = new FakeChannel('slack', 'news', posted);
    await deliverSlot(after, plan, [healthy], { tenantId: 'operator', log, retry: fast, prepare: c.prepare });
    await deliverSlot(after, plan, [healthy], { tenantId: 'operator', log, retry: fast, prepare: c.prepare });
    expect(posted).toHaveLength(1);
    expect(posted[0]?.message.text).toContain('(composition 1)');
    expect(c.calls).toBe(1);
    after.close();
  });

  it('after a crash between the post and its record, a restart finds the post instead of re-sending', async () => {
    const path = engine.target(tempDir());
    const posted: PostedMessage[] = [];
    const c = composer();
    const before = openStore(path);
    const dying = new FakeChannel('discord', 'C1', posted);
    dying.dieAfterPosting = true;
    await deliverSlot(before, plan, [dying], {
      tenantId: 'operator',
      log,
      retry: { ...fast, attempts: 1 },
      prepare: c.prepare,
    });
    expect(posted).toHaveLength(1);
    expect(before.deliveries.get('operator', plan.slot, 'discord', 'C1')?.status).toBe('claimed');
    before.close();

    const after = openStore(path);
    const outcome = await deliverSlot(after, plan, [new FakeChannel('discord', 'C1', posted)], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: c.prepare,
    });
    expect(outcome[0]).toMatchObject({ status: 'found-posted', messageId: 'm1' });
    expect(posted).toHaveLength(1);
    expect(after.deliveries.get('operator', plan.slot, 'discord', 'C1')).toMatchObject({
      status: 'posted',
      messageId: 'm1',
    });
    after.close();
  });

  it('retries a failing platform with backoff and succeeds within the policy', async () => {
    const store = openStore(engine.target(tempDir()));
    const flaky = new FakeChannel('slack', 'news');
    flaky.failuresBeforeSuccess = 2;
    const outcome = await deliverSlot(store, plan, [flaky], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: composer().prepare,
    });
    expect(outcome[0]?.status).toBe('posted');
    expect(flaky.posted).toHaveLength(1);
    expect(store.deliveries.get('operator', plan.slot, 'slack', 'news')?.attempts).toBe(3);
    store.close();
  });

  it('one failing destination does not hold back the others', async () => {
    const store = openStore(engine.target(tempDir()));
    const down = new FakeChannel('discord', 'C1');
    down.failuresBeforeSuccess = 99;
    const up = new FakeChannel('slack', 'news');
    const outcome = await deliverSlot(store, plan, [down, up], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: composer().prepare,
    });
    expect(outcome.map((o) => o.status)).toEqual(['failed', 'posted']);
    expect(up.posted).toHaveLength(1);
    store.close();
  });

  it('gives a destination added later the same message as the rest of its slot', async () => {
    const store = openStore(engine.target(tempDir()));
    const c = composer();
    const posted: PostedMessage[] = [];
    await deliverSlot(store, plan, [new FakeChannel('slack', 'a', posted)], {
      tenantId: 'operator',
      log,
      retry: fast,
      prepare: c.prepare,
    });
    await deliverSlot(
      store,
      plan,
      [new FakeChannel('slack', 'a', posted), new FakeChannel('slack', 'b', posted)],
      {
        tenantId: 'operator',
        log,
        retry: fast,
        prepare: c.prepare,
      },
    );
    expect(posted.map((p) => p.channel)).toEqual(['a', 'b']);
    expect(posted[1]?.message).toEqual(posted[0]?.message);
    expect(c.calls).toBe(1);
    store.close();
  });
});
