/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Runs a call when one of the limiter's slots is free. `url` names the request the call makes, for a
 * limiter that also counts requests per host (networkLimiter); others ignore it.
 */
export type Limiter = <R>(call: () => Promise<R>, url?: string) => Promise<R>;

/**
 * At most `limit` calls in flight across everyone holding the limiter, the others waiting in
 * order. Shared by the work of a whole poll, so that nested loops (feeds, then their items) do not
 * multiply the limit.
 */
export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (call) => {
    if (active < Math.max(1, limit)) active++;
    // A slot is handed straight to the next waiter when a call ends, so `active` stays as it is.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
