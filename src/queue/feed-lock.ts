import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * The advisory lock namespace of feed polls: the first of pg_try_advisory_lock's two int4 keys, the
 * feed's id the second (host slots use their host's hash and a slot number: a clash costs a skipped poll).
 */
export const FEED_LOCK_SPACE = createHash('sha256').update('newsdesk feed polls').digest().readInt32BE(0);

/** A feed id as an int4 key: ids 2^32 apart share a lock, which only skips a poll of one of them. */
const feedKey = (feedId: number): number => (feedId % 2 ** 32) | 0;

interface Session {
  /** Runs a lock function on the session: its boolean answer. */
  query(text: string, key: number[]): Promise<boolean>;
  end(): Promise<void>;
}

export interface FeedLocks {
  /** Opens the lock session now rather than at the first poll. */
  open(): Promise<void>;
  /** Runs `poll` while no other worker polls the feed; null (not run) when one does. */
  whileHeld<R>(feedId: number, poll: () => Promise<R>): Promise<R | null>;
  close(): Promise<void>;
}

/**
 * At most one poll of a feed at a time across every worker: a poll holds a session-level advisory
 * lock on the feed, taken on one connection of the worker's own. A worker that dies (kill -9) loses
 * its connection, and PostgreSQL releases its locks with it: its feeds are polled by the next job
 * sent for them, with no wait for its jobs to expire. Locks are re-entrant within a session, so the
 * feeds this worker polls are also kept in memory.
 */
export function postgresFeedLocks(url: string, log: Logger): FeedLocks {
  const polling = new Set<number>();
  let session: Promise<Session> | undefined;

  const connect = (): Promise<Session> => {
    if (session) return session;
    // The process id in its name: pg_locks and pg_stat_activity tell which worker polls which feed.
    const client = new pg.Client({
      connectionString: url,
      application_name: `newsdesk feed locks, pid ${process.pid}`,
    });
    // One statement at a time on the session (pg will not queue them itself much longer).
    let last: Promise<unknown> = Promise.resolve();
    const query = (text: string, key: number[]) => {
      const result = last.then(() => client.query<{ done: boolean }>(text, key));
      last = result.catch(() => undefined);
      return result.then(({ rows }) => rows[0]?.done === true);
    };
    const opened = client.connect().then(() => ({ query, end: () => client.end() }));
    // A lost session took its locks along: the polls under them finish, the next lock reconnects.
    const drop = () => {
      if (session === opened) session = undefined;
    };
    client.on('error', (err) => {
      log.warn({ err }, 'feed locks: the database connection failed');
      drop();
    });
    client.on('end', drop);
    opened.catch(drop);
    session = opened;
    return opened;
  };

  return {
    async open() {
      await connect();
    },
    async whileHeld(feedId, poll) {
      if (polling.has(feedId)) return null;
      polling.add(feedId);
      try {
        const held = await connect();
        const key = [FEED_LOCK_SPACE, feedKey(feedId)];
        if (!(await held.query('SELECT pg_try_advisory_lock($1, $2) AS done', key))) return null;
        try {
          return await poll();
        } finally {
          await held.query('SELECT pg_advisory_unlock($1, $2) AS done', key).catch(async (err: unknown) => {
            // Most likely the session is gone, and its lock with it; if not, ending it releases the lock.
            log.warn({ err, feedId }, 'feed locks: unlocking failed; the session is ended');
            await held.end().catch(() => undefined);
          });
        }
      } finally {
        polling.delete(feedId);
      }
    },
    async close() {
      const open = session;
      session = undefined;
      if (open) await open.then((held) => held.end()).catch(() => undefined);
    },
  };
}
