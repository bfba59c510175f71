/** The messages between the PostgreSQL engine (main thread) and its worker (pg-worker.ts). */
import type { MessagePort } from 'node:worker_threads';

export interface BridgeWorkerData {
  url: string;
  port: MessagePort;
  /** An Int32 the worker sets to 1 (and notifies) when its reply is on the port. */
  flag: SharedArrayBuffer;
}

export type BridgeRequest =
  | { op: 'connect' }
  | { op: 'exec'; sql: string }
  | {
      op: 'query';
      /** The server-side prepared statement's name; none for another library's statement (run unnamed). */
      name?: string;
      sql: string;
      values: unknown[];
      pluck: boolean;
      first: boolean;
    }
  | { op: 'end' };

export interface BridgeError {
  message: string;
  /** PostgreSQL's SQLSTATE (e.g. 23505 unique violation), or Node's code for a socket error. */
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

export type BridgeReply = { ok: true; rows: unknown[]; changes: number } | { ok: false; error: BridgeError };
