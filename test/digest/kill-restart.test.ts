import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { SlackStandIn } from '../support/slack-api.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-kill-');
const CHILD = ['--import', 'tsx', 'test/support/slack-deliver-child.ts'];

let api: SlackStandIn;
beforeEach(async () => {
  api = await new SlackStandIn().start();
});
afterEach(async () => {
  await api.close();
});

const runToEnd = async (db: string, channel: string) => {
  const { stdout } = await promisify(execFile)(process.execPath, [...CHILD, db, api.apiUrl, channel]);
  return JSON.parse(stdout) as { status: string }[];
};

// Each child loads Bolt and tsx afresh (seconds on a busy machine): generous time, no timing assumptions.
describeOnEngines(
  'digest delivery across a killed process',
  (engine) => {
    it('a process killed after Slack stored the post but before it was recorded: the restart does not post again', async () => {
      const db = engine.target(tempDir());
      api.hangAfterStoring('chat.postMessage');
      const child = spawn(process.execPath, [...CHILD, db, api.apiUrl, 'CKILL'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await api.nextPost();
      child.kill('SIGKILL');
      await exited;

      const claimed = openStore(db);
      expect(claimed.deliveries.list('operator')).toMatchObject([{ status: 'claimed', attempts: 1 }]);
      claimed.close();

      expect((await runToEnd(db, 'CKILL')).map((o) => o.status)).toEqual(['found-posted']);
      expect((await runToEnd(db, 'CKILL')).map((o) => o.status)).toEqual(['already-posted']);
      expect(api.posts.filter((p) => p.channel === 'CKILL')).toHaveLength(1);
    });

    it('a process that failed right after claiming: the restart posts exactly once', async () => {
      const db = engine.target(tempDir());
      api.failNext('chat.postMessage', 2);
      expect((await runToEnd(db, 'CFAIL')).map((o) => o.status)).toEqual(['failed']);
      expect(api.posts).toHaveLength(0);
      expect((await runToEnd(db, 'CFAIL')).map((o) => o.status)).toEqual(['posted']);
      expect((await runToEnd(db, 'CFAIL')).map((o) => o.status)).toEqual(['already-posted']);
      expect(api.posts.filter((p) => p.channel === 'CFAIL')).toHaveLength(1);
    });
  },
  { timeout: 180_000 },
);
