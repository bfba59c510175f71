import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suggestActors, timeline, whois } from '../src/knowledge/index.ts';
import { fold } from '../src/knowledge/names.ts';
import { openStore } from '../src/store/index.ts';
import { articleDay, buildKnowledgeStore } from './knowledge-store.ts';
import { rng } from './synthetic-corpus.ts';

// bench:query — a synthetic store of 50,000 articles with generated people, organisations, places,
// roles and events, written through the repositories directly, then timed whois / timeline /
// autocomplete queries. Figures: p50 and p99 latency per query kind, and peak RSS.

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 50_000);
const QUERIES = 400;

const rand = rng(42);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
/** Skewed pick: a few actors appear in many articles, most in few (as in news). */
const zipf = <T>(xs: T[]): T => xs[Math.floor(xs.length * rand() ** 3)]!;
const day = (i: number) => articleDay(i, ARTICLES);

function time(label: string, inputs: string[], run: (input: string) => unknown): string {
  const ms: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    run(input);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  return `| ${label} | ${inputs.length} | ${at(0.5)} | ${at(0.99)} | ${ms[ms.length - 1]!.toFixed(2)} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-query-'));
try {
  const store = openStore(join(dir, 'store.db'));
  const t0 = performance.now();
  const { people, orgs } = buildKnowledgeStore(store, ARTICLES, rand);
  const buildSeconds = ((performance.now() - t0) / 1000).toFixed(1);
  const counts = store.knowledge.counts();
  const names = Array.from({ length: QUERIES }, () => zipf(people).name);
  const surnames = names.map((n) => n.split(' ').pop()!);
  const prefixes = Array.from({ length: QUERIES }, () =>
    fold(pick(people).name).slice(0, 2 + Math.floor(rand() * 3)),
  );
  const typos = names.map((n) => `${n.slice(0, -2)}${n.slice(-1)}`);
  const rows = [
    time('whois full name', names, (n) => whois(store, n)),
    time('whois surname', surnames, (n) => whois(store, n)),
    time('whois unknown (suggestions)', typos, (n) => whois(store, n)),
    time(
      'whois organisation',
      Array.from({ length: QUERIES }, () => zipf(orgs).name),
      (n) => whois(store, n),
    ),
    time('timeline latest 50', names.slice(0, 100), () => timeline(store, {})),
    time('timeline --actor', names, (n) => timeline(store, { actor: n, limit: 50 })),
    time('timeline --from --to', names, (_n) =>
      timeline(store, { from: day(Math.floor(rand() * ARTICLES)), to: '2025-12-31', limit: 50 }),
    ),
    time('timeline --query', names, (n) => timeline(store, { query: `talks ${n.split(' ')[0]}`, limit: 50 })),
    time('autocomplete prefix', prefixes, (p) => suggestActors(store, p, 25)),
  ];
  const rss = process.resourceUsage().maxRSS / 1024;
  store.close();
  console.log(`### Knowledge queries\n`);
  console.log(
    `Synthetic store: ${ARTICLES.toLocaleString('en')} articles, ${counts.actors.toLocaleString('en')} actors, ${counts.events.toLocaleString('en')} events (built in ${buildSeconds} s). Peak RSS ${rss.toFixed(0)} MB. Latency in ms.\n`,
  );
  console.log('| query | runs | p50 | p99 | max |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
