import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import type { Agent, Dispatcher } from 'undici';
import { CodedError, ErrorCode } from '../../core/errors.ts';
import { assertAddressAllowed, BlockedAddressError, guardedLookup } from './address-guard.ts';
import { readCappedBody } from './read-body.ts';

export const USER_AGENT = 'newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; feed reader)';
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  allowPrivate: boolean;
}

export interface FetchOptions extends FetchLimits {
  accept?: string;
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** A fetch that failed for a reason worth showing (status, timeout, refusal, size...). */
export class FetchError extends CodedError {
  override name = 'FetchError';
  readonly code = ErrorCode.Fetch;
}

export const limitsFromConfig = (config: {
  FEED_TIMEOUT_MS: number;
  FEED_MAX_BYTES: number;
  ALLOW_PRIVATE_FEEDS: boolean;
}): FetchLimits => ({
  timeoutMs: config.FEED_TIMEOUT_MS,
  maxBytes: config.FEED_MAX_BYTES,
  allowPrivate: config.ALLOW_PRIVATE_FEEDS,
});

// undici is loaded on the first fetch, not at start-up: it is a third of a console start's module
// loading (about 0.4 s of CPU), and a bot with no feeds never needs it.
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = (): Promise<typeof import('undici')> => (undici ??= import('undici'));

const agents = new Map<boolean, Agent>();
async function agentFor(allowPrivate: boolean): Promise<Agent> {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    const { Agent } = await loadUndici();
    agent = new Agent({ connect: { lookup: guardedLookup(allowPrivate) }, keepAliveTimeout: 2_000 });
    agents.set(allowPrivate, agent);
  }
  return agent;
}

/** Parses and checks one URL of the chain: http(s) only, and IP literals checked here (no DNS lookup happens for them). */
function checkUrl(raw: string, base: string | undefined, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError(`not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FetchError('URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) assertAddressAllowed(host, allowPrivate);
  return url;
}

// undici's body emits an AbortError when destroyed unread; nobody needs that error.
const discard = (body: Readable): void => {
  body.on('error', () => {});
  body.destroy();
};

const header = (headers: Dispatcher.ResponseData['headers'], name: string): string | null => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

function describe(err: unknown, timedOut: boolean, timeoutMs: number): Error {
  if (timedOut) return new FetchError(`timed out after ${timeoutMs} ms`);
  let cause: unknown = err;
  for (let depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof BlockedAddressError || cause instanceof FetchError) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  if (err instanceof Error && err.name === 'BodyTooLargeError')
    return new FetchError(err.message, { cause: err });
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  return new FetchError(code && !message.includes(code) ? `${message} (${code})` : message, { cause: err });
}

/**
 * GETs a URL for the feed reader. Refuses non-public addresses after DNS resolution and on every
 * redirect hop (which it follows itself, at most 5), bounds the whole exchange by one deadline,
 * caps the decompressed body, and sends validators for a conditional GET (304 => notModified).
 */
export async function fetchGuarded(startUrl: string, options: FetchOptions): Promise<FetchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const seen = new Set<string>();
  try {
    let url = checkUrl(startUrl, undefined, options.allowPrivate);
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: options.accept ?? FEED_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (hop === 0 && options.etag) headers['if-none-match'] = options.etag;
      if (hop === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;
      const dispatcher = await agentFor(options.allowPrivate);
      const { request } = await loadUndici();
      const res = await request(url, {
        method: 'GET',
        headers,
        dispatcher,
        signal: controller.signal,
      });
      const location = header(res.headers, 'location');
      if (REDIRECTS.has(res.statusCode) && location) {
        discard(res.body);
        const next = checkUrl(location, url.href, options.allowPrivate);
        if (seen.has(next.href)) throw new FetchError(`redirect loop: ${url.href} -> ${next.href}`);
        if (hop + 1 > MAX_REDIRECTS) throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
        url = next;
        continue;
      }
      const result = {
        url: url.href,
        status: res.statusCode,
        notModified: res.statusCode === 304,
        contentType: header(res.headers, 'content-type'),
        etag: header(res.headers, 'etag'),
        lastModified: header(res.headers, 'last-modified'),
      };
      if (res.statusCode === 304) {
        discard(res.body);
        return { ...result, body: Buffer.alloc(0) };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        discard(res.body);
        throw new FetchError(`HTTP ${res.statusCode} from ${url.href}`);
      }
      const length = Number(header(res.headers, 'content-length'));
      if (length > options.maxBytes) {
        discard(res.body);
        throw new FetchError(`response body exceeds ${options.maxBytes} bytes (Content-Length ${length})`);
      }
      const body = await readCappedBody(
        res.body,
        header(res.headers, 'content-encoding') ?? '',
        options.maxBytes,
      );
      return { ...result, body };
    }
  } catch (err) {
    throw describe(err, timedOut, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
