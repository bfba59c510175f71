import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startBoss } from '../../src/queue/boss.ts';
import { QUEUE_NAMES } from '../../src/queue/names.ts';
import { freshPostgresDatabase, postgresAvailable, postgresMissing } from '../support/postgres.ts';

const log = pino({ level: 'silent' });

describe.skipIf(!postgresAvailable())(
  `job queue start on a new database (PostgreSQL) ${postgresMissing()}`,
  { timeout: 120_000 },
  () => {
    it('starts a front end and seven workers at once on a database with no queue yet (compose up --scale worker=7)', async () => {
      for (let round = 0; round < 4; round++) {
        const url = freshPostgresDatabase(`bossstart${round}`);
        const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
        const started = await Promise.allSettled(
          ['front end', 'worker', 'worker', 'worker', 'worker', 'worker', 'worker', 'worker'].map((role) =>
            startBoss(config, log, role as 'front end' | 'worker'),
          ),
        );
        const bosses = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        const errors = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
        const queues = bosses[0] ? await bosses[0].getQueues() : [];
        await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true })));
        expect(errors).toEqual([]);
        expect(queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
      }
    });
  },
);
