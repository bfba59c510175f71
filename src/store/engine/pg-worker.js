// The worker thread behind the PostgreSQL engine (pg-bridge.ts): it owns the one connection, answers
// each request on the port, then wakes the main thread waiting on the shared flag. Plain JavaScript,
// the same file from sources and in the build: the main thread sleeps while this worker starts, and
// a TypeScript worker would need tsx's loader hooks, which wait on the main thread (see pg-protocol.ts
// for the messages).
import { workerData } from 'node:worker_threads';
import pg from 'pg';

// count(*), sum() and bigint ids come back as text by default; the store's JSON has numbers (as
// SQLite gives them), and no count or id here comes near 2^53.
const INT8 = 20;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

const { url, port, flag } = workerData;
const signal = new Int32Array(flag);
const client = new pg.Client({
  connectionString: url,
  application_name: 'newsdesk',
  connectionTimeoutMillis: 15_000,
});
// A connection lost between queries would otherwise be an unhandled 'error' event killing the worker.
client.on('error', () => {});

/** What crosses back to the main thread of an error: its message, SQLSTATE and what it names. */
const errorOf = (err) => ({
  ok: false,
  error: {
    message: String(err?.message ?? err),
    code: typeof err?.code === 'string' ? err.code : undefined,
    detail: err?.detail,
    constraint: err?.constraint,
    table: err?.table,
  },
});

const done = { ok: true, rows: [], changes: 0 };

async function answer(req) {
  switch (req.op) {
    case 'connect':
      await client.connect();
      return done;
    case 'exec':
      await client.query(req.sql);
      return done;
    case 'query': {
      // Named: PostgreSQL parses and plans each statement text once per connection.
      const result = await client.query({
        name: req.name,
        text: req.sql,
        values: req.values,
        rowMode: req.pluck ? 'array' : undefined,
      });
      const rows = req.pluck ? result.rows.map((r) => r[0]) : result.rows;
      return { ok: true, rows: req.first ? rows.slice(0, 1) : rows, changes: result.rowCount ?? 0 };
    }
    case 'end':
      await client.end();
      return done;
    default:
      throw new Error(`unknown request ${req.op}`);
  }
}

port.on('message', async (req) => {
  let reply;
  try {
    reply = await answer(req);
  } catch (err) {
    reply = errorOf(err);
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
