import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { redactUrl } from '../../notify/redact-url.ts';
import { StoreBusyError, StoreQueryError, StoreUnreachableError } from '../errors.ts';
import type { BridgeError, BridgeReply, BridgeRequest, BridgeWorkerData } from './pg-protocol.ts';

/** Longest wait for one answer: a transaction may wait this long for another process's write lock. */
const ANSWER_LIMIT_MS = 300_000;
/** How often a wait looks for the answer anyway (a notify lost to a dead worker is no answer). */
const WAIT_SLICE_MS = 1_000;
/** Connection errors (Node's socket codes, and PostgreSQL's class 08 and 28: connection, authorisation). */
const UNREACHABLE = /^(E[A-Z]+|08...|28...|3D000)$/;
/** PostgreSQL's lock timeout and serialisation failures: another writer held on. */
const BUSY = new Set(['55P03', '40001', '40P01']);

/** Longest wait for the connection: the worker loads pg, then connects (pg's own limit is shorter). */
const CONNECT_LIMIT_MS = 30_000;

/**
 * The worker's entry, plain JavaScript beside this file in sources and build alike: this thread
 * sleeps while the worker starts, so the worker cannot use tsx's loader hooks (they need this thread).
 */
const WORKER = new URL('./pg-worker.js', import.meta.url);

/**
 * A PostgreSQL connection used synchronously: each request is posted to a worker thread that owns
 * the connection (pg, asynchronous), and this thread sleeps on a shared flag until the worker's
 * answer is on the port. The store's repositories stay synchronous, so a transaction stays one
 * section no other work of this process interleaves with, as with better-sqlite3; the cost is that
 * the calling thread waits for the server as it waits for the disk with SQLite.
 */
export class PgBridge {
  /** The URL as it may be shown: no password. */
  readonly shownUrl: string;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(url: string) {
    this.shownUrl = redactUrl(url);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: BridgeWorkerData = { url, port: port2, flag: this.flag.buffer as SharedArrayBuffer };
    this.worker = new Worker(WORKER, { workerData: data, transferList: [port2] });
    // The store's owner closes it; an open store alone must not keep the process alive.
    this.worker.unref();
    this.port.unref();
    try {
      this.call({ op: 'connect' });
    } catch (err) {
      void this.worker.terminate();
      throw err;
    }
  }

  /** Sends one request and waits for its answer; a refusal is thrown as the store's error. */
  call(req: BridgeRequest): { rows: unknown[]; changes: number } {
    if (this.closed) throw new StoreUnreachableError(`the store at ${this.shownUrl} is closed`);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(req);
    const started = Date.now();
    const limit = req.op === 'connect' ? CONNECT_LIMIT_MS : ANSWER_LIMIT_MS;
    let reply: { message: BridgeReply } | undefined = receiveMessageOnPort(this.port);
    while (!reply) {
      if (Date.now() - started > limit) {
        throw new StoreUnreachableError(`PostgreSQL at ${this.shownUrl} gave no answer in ${limit / 1000} s`);
      }
      Atomics.wait(this.flag, 0, 0, WAIT_SLICE_MS);
      reply = receiveMessageOnPort(this.port);
    }
    const answer = reply.message;
    if (!answer.ok) throw this.toError(answer.error, req);
    return answer;
  }

  private toError(e: BridgeError, req: BridgeRequest): Error {
    const cause = Object.assign(new Error(e.message), e);
    if (req.op === 'connect' || (e.code !== undefined && UNREACHABLE.test(e.code))) {
      return new StoreUnreachableError(`cannot reach PostgreSQL at ${this.shownUrl}: ${e.message}`, {
        cause,
      });
    }
    if (e.code !== undefined && BUSY.has(e.code)) {
      return new StoreBusyError(`PostgreSQL at ${this.shownUrl}: ${e.message}`, { cause });
    }
    const err = new StoreQueryError(`${e.message}${e.detail ? ` (${e.detail})` : ''}`, { cause });
    err.sqlState = e.code;
    err.constraint = e.constraint;
    return err;
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call({ op: 'end' });
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
  }
}
