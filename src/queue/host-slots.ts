import { createHash } from 'node:crypto';
import pg from 'pg';
import { type HostGate, hostKey } from '../ingest/feeds/host-limit.ts';
import type { Logger } from '../log.ts';

/** How long a request waits before trying its host's slots again, at first and at most. */
const FIRST_WAIT_MS = 20;
const MAX_WAIT_MS = 500;

export interface PostgresHostGate extends HostGate {
  close(): Promise<void>;
}

/**
 * The advisory lock namespace of a host: 32 bits of its name's hash (pg_try_advisory_lock takes two
 * int4 keys: this one and the slot number). Two hosts sharing a hash share slots, which only limits more.
 */
export const hostLockKey = (host: string): number =>
  createHash('sha256').update(`newsdesk host ${host}`).digest().readInt32BE(0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * FEED_HOST_CONCURRENCY across every worker on every machine: a request holds one of its host's
 * `limit` session-level advisory locks (host key, slot) on a connection of its own while it runs.
 * A worker that dies loses its connections, and PostgreSQL releases their locks with them, so no
 * slot stays taken by a dead worker. A request finding every slot taken holds no connection while it
 * waits.
 */
export function postgresHostGate(
  url: string,
  limit: number,
  options: { log: Logger; connections: number },
): PostgresHostGate {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.connections,
    application_name: 'newsdesk host slots',
  });
  // A connection the server closed must not take the worker down: an idle one is replaced at the next
  // checkout; one holding a slot has lost its lock, and its request finishes without it.
  const lost = (err: Error) => options.log.warn({ err }, 'host slots: a database connection failed');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));

  const take = async (client: pg.PoolClient, key: number): Promise<number | null> => {
    for (let slot = 0; slot < limit; slot++) {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [
        key,
        slot,
      ]);
      if (rows[0]?.got) return slot;
    }
    return null;
  };

  return {
    async run(url, call) {
      const host = hostKey(url);
      if (!host) return call();
      const key = hostLockKey(host);
      for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MAX_WAIT_MS)) {
        const client = await pool.connect();
        let slot: number | null;
        try {
          slot = await take(client, key);
        } catch (err) {
          client.release(err as Error);
          throw err;
        }
        if (slot === null) {
          client.release();
          // Jitter: workers that found the host full together do not all come back together.
          await sleep(wait / 2 + Math.random() * wait);
          continue;
        }
        try {
          return await call();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, $2)', [key, slot]).then(
            () => client.release(),
            // A connection that cannot unlock is closed, which releases the lock all the same.
            (err: Error) => client.release(err),
          );
        }
      }
    },
    close: () => pool.end(),
  };
}
