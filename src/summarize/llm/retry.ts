import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** Never wait longer than this for a server's retry-after, whatever it asks for. */
export const RETRY_AFTER_CAP_MS = 10_000;
export const MAX_ATTEMPTS = 3;

/** Why one attempt failed, and whether trying again can help. */
export interface AttemptFailure {
  reason: string;
  retryable: boolean;
  /** What the server asked us to wait (already capped), if anything. */
  waitMs?: number;
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  // Beyond the cap the answer is "not now": report the cap, and the caller gives up if it passes the deadline.
  if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, RETRY_AFTER_CAP_MS);
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - Date.now();
  return Number.isFinite(wait) ? Math.min(Math.max(0, wait), RETRY_AFTER_CAP_MS) : undefined;
}

/** Classifies a thrown error: timeouts, connection errors, 408/409/429 and 5xx are worth retrying. */
export function classifyError(err: unknown): AttemptFailure {
  if (err instanceof APIUserAbortError) return { reason: 'the LLM deadline passed', retryable: false };
  if (err instanceof APIConnectionTimeoutError)
    return { reason: 'the LLM server timed out', retryable: true };
  if (err instanceof APIConnectionError) return { reason: 'could not reach the LLM server', retryable: true };
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    const what = status === 429 ? 'rate limited (429)' : `HTTP ${status}`;
    return { reason: `the LLM server answered ${what}`, retryable, waitMs: retryAfterMs(err.headers) };
  }
  return { reason: `LLM call failed: ${err instanceof Error ? err.message : String(err)}`, retryable: false };
}

/** Exponential backoff with jitter, unless the server named a wait. */
export function backoffMs(attempt: number, failure: AttemptFailure): number {
  if (failure.waitMs !== undefined) return failure.waitMs;
  return Math.min(RETRY_AFTER_CAP_MS, 250 * 2 ** attempt + Math.floor(Math.random() * 100));
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
