import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/index.ts';

// npm run bench:store -- [postgres://...]: the cost of one store query on each engine, the same
// repository calls on a SQLite file and on the PostgreSQL database named (else DATABASE_URL; an
// empty database, it is written to). PostgreSQL runs in a worker thread the caller waits for
// (src/store/engine/pg-bridge.ts): a round trip per query where SQLite reads its page cache.
// Figures: median µs per call of a primary-key read, an upsert, and a 20-row list; the ratio
// PostgreSQL / SQLite.

const url = process.argv[2] ?? process.env.DATABASE_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);

function median(run: () => unknown): number {
  for (let i = 0; i < 200; i++) run();
  const us: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    run();
    us.push((performance.now() - t) * 1000);
  }
  us.sort((a, b) => a - b);
  return us[Math.floor(us.length / 2)]!;
}

function measure(store: Store): Record<string, number> {
  store.settings.set('discord:1', 'topic', 'ports');
  for (let i = 0; i < 20; i++) store.feeds.add(`https://a.example/feed/${i}`);
  let n = 0;
  return {
    'tenant by id': median(() => store.tenants.get('operator')),
    'setting upsert': median(() => store.settings.set('discord:1', 'n', n++)),
    'feeds list (20 rows)': median(() => store.feeds.list()),
    'transaction of 2 writes': median(() =>
      store.transaction(() => {
        store.settings.set('discord:1', 'a', n++);
        store.settings.set('discord:1', 'b', n++);
      }),
    ),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-store-'));
try {
  const sqlite = openStore(join(dir, 'bench.db'));
  const onSqlite = measure(sqlite);
  sqlite.close();
  let onPostgres: Record<string, number> | undefined;
  if (url) {
    const pg = openStore(url);
    onPostgres = measure(pg);
    pg.close();
  } else console.log('no PostgreSQL URL (argument or DATABASE_URL): SQLite only');
  for (const [label, us] of Object.entries(onSqlite)) {
    const p = onPostgres?.[label];
    console.log(
      `${label.padEnd(26)} sqlite ${us.toFixed(1).padStart(7)} µs` +
        (p === undefined ? '' : `   postgres ${p.toFixed(1).padStart(7)} µs   x${(p / us).toFixed(1)}`),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
