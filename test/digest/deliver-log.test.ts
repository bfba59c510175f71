import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { deliverSlot } from '../../src/digest/deliver.ts';
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

const tempDir = useTempDirs('newsdesk-deliver-log-');

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'warn' }, sink), lines };
}

describeOnEngines('logs of a failed delivery', (engine) => {
  it('carry the error object with its type and stack, not only its message', async () => {
    const store = openStore(engine.target(tempDir()));
    const posted: PostedMessage[] = [];
    const broken = new FakeChannel('slack', 'news', posted);
    broken.failuresBeforeSuccess = 99;
    const { log, lines } = capturingLogger();
    await deliverSlot(store, SAMPLE_PLAN, [broken], {
      tenantId: 'operator',
      log,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
      prepare: async (p) => {
        const digest = sampleDigest(p.since, p.until);
        return { digest, reply: sampleReply(digest) };
      },
    });
    const failed = lines.find((l) => l.msg === 'digest delivery failed');
    expect(failed?.err).toMatchObject({
      type: 'Error',
      message: '503 from slack',
      stack: expect.stringMatching(/503 from slack\n\s+at /),
    });
    store.close();
  });
});
