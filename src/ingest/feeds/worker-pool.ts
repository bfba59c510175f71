import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CodedError, ErrorCode } from '../../core/errors.ts';
import { workerUrl } from '../../core/paths.ts';
import type { Prepared } from '../prepare.ts';
import type { RawArticle } from '../types.ts';
import type { Encoding } from './decode.ts';
import type { ParseJob } from './parse-worker.ts';
import type { ParsedFeed, ParseRequest } from './types.ts';

export const DEFAULT_PARSE_TIMEOUT_MS = 20_000;
const WORKER_URL = workerUrl('parse-worker', import.meta.url);

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The document (or one sub-document of it) overran its time limit. */
export class ParseTimeoutError extends CodedError {
  override name = 'ParseTimeoutError';
  readonly code = ErrorCode.ParseTimeout;
}

export interface JobLimits {
  /** The time limit this job's message names. */
  timeoutMs: number;
  /**
   * When the job must be done (ms since the epoch), for the sub-documents of one feed, which share
   * their feed's limit; without it the limit counts from when a worker takes the job.
   */
  deadline?: number;
}

interface Pending extends JobLimits {
  job: ParseJob;
  resolve: (result: never) => void;
  reject: (err: Error) => void;
}

class Slot {
  worker: Worker;
  busy?: Pending & { timer: NodeJS.Timeout };

  constructor(private readonly onIdle: (slot: Slot) => void) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    // A larger young generation: parsing makes many short-lived strings and objects, and with the
    // default size the scavenger took about a fifth of the worker's time.
    const limits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };
    const worker = new Worker(WORKER_URL, { resourceLimits: limits });
    worker.unref();
    worker.on('message', (msg: Reply | { ready: true }) => {
      if ('id' in msg && this.busy?.job.id === msg.id) {
        const { resolve, reject } = this.finish();
        if (msg.ok) resolve(msg.result as never);
        else reject(new Error(msg.error));
      }
    });
    worker.on('error', (err) => this.fail(new Error(`feed parser crashed: ${err.message}`, { cause: err })));
    worker.on('exit', () => this.fail(new Error('feed parser stopped unexpectedly')));
    return worker;
  }

  run(pending: Pending): void {
    const timer = setTimeout(
      () => this.fail(new ParseTimeoutError(`parsing took longer than ${pending.timeoutMs} ms`)),
      pending.deadline === undefined ? pending.timeoutMs : Math.max(0, pending.deadline - Date.now()),
    );
    this.busy = { ...pending, timer };
    this.worker.ref();
    const { job } = pending;
    if ('request' in job) {
      // Copy into a buffer we own so it can be transferred without copying again.
      const owned = new Uint8Array(job.request.bytes);
      this.worker.postMessage({ ...job, request: { ...job.request, bytes: owned } }, [owned.buffer]);
    } else this.worker.postMessage(job);
  }

  private finish(): Pending {
    const busy = this.busy as Pending & { timer: NodeJS.Timeout };
    clearTimeout(busy.timer);
    this.busy = undefined;
    this.worker.unref();
    queueMicrotask(() => this.onIdle(this));
    return busy;
  }

  /** The job failed in a way that leaves the worker unusable: replace it. */
  private fail(err: Error): void {
    const old = this.worker;
    old.removeAllListeners();
    old.on('error', () => {});
    void old.terminate();
    this.worker = this.spawn();
    if (this.busy) this.finish().reject(err);
  }

  close(): Promise<number> {
    this.worker.removeAllListeners();
    return this.worker.terminate();
  }
}

/**
 * Parses feeds in worker threads with a time limit per document: a document that makes the parser
 * spin is abandoned, its worker terminated and replaced, and the bot goes on.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly size = Math.max(1, Math.min(2, availableParallelism()))) {}

  /** `chunk`: the request is a sub-document of a split feed, in the whole document's encoding. */
  parse(request: ParseRequest, limits: Partial<JobLimits> & { chunk?: Encoding } = {}): Promise<ParsedFeed> {
    const { timeoutMs = DEFAULT_PARSE_TIMEOUT_MS, deadline, chunk } = limits;
    return this.submit({ id: this.nextId++, request, chunk }, timeoutMs, deadline);
  }

  /** Prepares raw articles (e.g. fetched pages) in a worker, under the same time limit as a parse. */
  prepare(raws: RawArticle[], analyse = false, timeoutMs = DEFAULT_PARSE_TIMEOUT_MS): Promise<Prepared[]> {
    return this.submit({ id: this.nextId++, raws, analyse }, timeoutMs);
  }

  private submit<T>(job: ParseJob, timeoutMs: number, deadline?: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, timeoutMs, deadline, resolve: resolve as (result: never) => void, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) {
        slot = new Slot(() => this.dispatch());
        this.slots.push(slot);
      }
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      // A part of a feed whose time is already up (another part overran it) is not started: running
      // it would only have its worker terminated and replaced once more.
      if (pending.deadline !== undefined && pending.deadline <= Date.now()) {
        pending.reject(new ParseTimeoutError(`parsing took longer than ${pending.timeoutMs} ms`));
        continue;
      }
      slot.run(pending);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((s) => s.close()));
  }
}

let shared: ParsePool | undefined;
/** The process-wide pool (workers are unref'd while idle, so it never keeps the process alive). */
export const parsePool = (): ParsePool => {
  shared ??= new ParsePool();
  return shared;
};
