import { createLimiter, type Limiter } from './map-limit.ts';

/**
 * Where at most FEED_HOST_CONCURRENCY requests to one host run at once. In one process a limiter per
 * host; with PostgreSQL (workers on several machines) slots held in the database (src/queue/host-slots.ts).
 */
export interface HostGate {
  /** Runs `call` (a request to `url`) once one of the URL's host's slots is free. */
  run<R>(url: string, call: () => Promise<R>): Promise<R>;
}

/** A request's host as the limit counts it: host name and port (two servers on one name are two hosts). */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    // An unreadable URL fails in the fetcher; its attempt needs no slot of anyone's.
    return '';
  }
}

/** In-process slots: a limiter per host, dropped once the host has nothing in flight or waiting. */
export function localHostGate(limit: number): HostGate {
  const hosts = new Map<string, { limiter: Limiter; users: number }>();
  return {
    async run(url, call) {
      const key = hostKey(url);
      if (!key) return call();
      const host = hosts.get(key) ?? { limiter: createLimiter(limit), users: 0 };
      hosts.set(key, host);
      host.users++;
      try {
        return await host.limiter(call);
      } finally {
        if (--host.users === 0) hosts.delete(key);
      }
    },
  };
}

const sharedGates = new Map<number, HostGate>();

/** The process's own gate for `limit`: every poll in the process (bot, CLI) shares it. */
export function processHostGate(limit: number): HostGate {
  const gate = sharedGates.get(limit) ?? localHostGate(limit);
  sharedGates.set(limit, gate);
  return gate;
}

/**
 * The poll's network limiter: a slot of the poll's own FEED_CONCURRENCY first, then one of the
 * request's host. In this order the requests waiting for a busy host hold no more than the poll's
 * slots, and nothing waits for a host while holding a database connection for it.
 */
export function networkLimiter(limit: number, hosts: HostGate): Limiter {
  const overall = createLimiter(limit);
  return (call, url) => overall(() => (url === undefined ? call() : hosts.run(url, call)));
}
