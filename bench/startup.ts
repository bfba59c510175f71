import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuild } from '../scripts/ensure-build.js';
import { openStore } from '../src/store/index.ts';
import { buildKnowledgeStore } from './knowledge-store.ts';
import { rng, writeSyntheticCorpus } from './synthetic-corpus.ts';

// bench:startup — whole processes as a user starts them, each beside `node -e 0` in the same round:
// `newsdesk --help`, `newsdesk whois NAME` on a 50,000-article store, and the bot (`npm start`'s
// bin/newsdesk-bot.js) in console mode up to its prompt. Median of ROUNDS wall times (and CPU time,
// steadier on a shared host), ratios to the baseline, and peak RSS (GNU time's %M).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 50_000);
const CONSOLE_ARTICLES = 200;
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/.out');
const TIME = '/usr/bin/time';
const PROMPT = 'Type a command';

interface Run {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  /** For the bot: from spawn to its prompt on stdout. */
  promptMs?: number;
}

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  LOG_LEVEL: 'silent',
  DISCORD_TOKEN: '',
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  FEEDS: '',
  ...extra,
});

/** GNU time's report (-f "%e %U %S %M") from its output file. */
function timeReport(file: string): { cpuMs: number; peakMb: number } {
  const [, user, sys, maxKb] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpuMs: (user! + sys!) * 1000, peakMb: maxKb! / 1024 };
}

function timed(args: string[], extraEnv: Record<string, string> = {}): Run {
  const report = join(OUT, 'time.txt');
  const started = performance.now();
  const result: SpawnSyncReturns<Buffer> = spawnSync(
    TIME,
    ['-f', '%e %U %S %M', '-o', report, process.execPath, ...args],
    { cwd: ROOT, env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const wallMs = performance.now() - started;
  if (result.status !== 0 && !args.includes('whois'))
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return { wallMs, ...timeReport(report) };
}

/** The bot in console mode: time to its prompt, then stdin ends and it exits. */
async function timedBot(
  extraEnv: Record<string, string>,
  command = [process.execPath, 'bin/newsdesk-bot.js'],
): Promise<Run> {
  const report = join(OUT, 'time-bot.txt');
  const started = performance.now();
  const child = spawn(TIME, ['-f', '%e %U %S %M', '-o', report, ...command], {
    cwd: ROOT,
    env: env(extraEnv),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let promptMs: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (promptMs === undefined && out.includes(PROMPT)) {
      promptMs = performance.now() - started;
      child.stdin.end();
    }
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const wallMs = performance.now() - started;
  if (code !== 0 || promptMs === undefined)
    throw new Error(`the bot exited ${code} before its prompt:\n${out}`);
  return { wallMs, promptMs, ...timeReport(report) };
}

/** The 50,000-article store, built once and kept in bench/.out (delete it to rebuild). */
function knowledgeStore(): { db: string; name: string } {
  const db = join(OUT, `startup-${ARTICLES}.db`);
  const meta = `${db}.json`;
  if (existsSync(db) && existsSync(meta)) return { db, name: JSON.parse(readFileSync(meta, 'utf8')).name };
  rmSync(db, { force: true });
  process.stderr.write(`building a ${ARTICLES.toLocaleString('en')}-article store in ${db} (once)...\n`);
  const store = openStore(db);
  const rand = rng(42);
  const { people } = buildKnowledgeStore(store, ARTICLES, rand);
  store.close();
  // The most mentioned person: the heaviest whois answer.
  const name = people[0]!.name;
  writeFileSync(meta, JSON.stringify({ name }));
  return { db, name };
}

/** A corpus for console mode and a store that already holds it, so the start re-reads unchanged files. */
function consoleSetup(): { corpus: string; empty: string; db: string } {
  const corpus = join(OUT, `startup-corpus-${CONSOLE_ARTICLES}`);
  const seeded = join(OUT, `startup-console-${CONSOLE_ARTICLES}.db`);
  if (!existsSync(corpus)) writeSyntheticCorpus(corpus, CONSOLE_ARTICLES, 11);
  if (!existsSync(seeded)) {
    const first = spawnSync(
      process.execPath,
      ['bin/newsdesk.js', 'ingest', '--corpus', corpus, '--db', seeded],
      { cwd: ROOT, env: env() },
    );
    if (first.status !== 0) throw new Error(`seeding the console store failed: ${first.stderr}`);
  }
  const dir = mkdtempSync(join(OUT, 'console-'));
  const db = join(dir, 'bot.db');
  copyFileSync(seeded, db);
  const empty = join(dir, 'empty-corpus');
  mkdirSync(empty);
  return { corpus, empty, db };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed for the peak memory figures`);
  mkdirSync(OUT, { recursive: true });
  ensureBuild();
  const { db, name } = knowledgeStore();
  const bot = consoleSetup();
  const cases = {
    'node -e 0': () => timed(['-e', '0']),
    'newsdesk --help': () => timed(['bin/newsdesk.js', '--help']),
    [`newsdesk whois (${ARTICLES.toLocaleString('en')}-article store)`]: () =>
      timed(['bin/newsdesk.js', 'whois', name, '--db', db]),
    [`bot (bin/newsdesk-bot.js, console) to its prompt, re-reading ${CONSOLE_ARTICLES} files`]: () =>
      timedBot({ NEWSDESK_DB: bot.db, CORPUS_DIR: bot.corpus }),
    // The same store with nothing to ingest: the start itself (and the digest it prints).
    'bot (bin/newsdesk-bot.js, console) to its prompt, nothing to ingest': () =>
      timedBot({ NEWSDESK_DB: bot.db, CORPUS_DIR: bot.empty }),
    // The same through npm itself, as a user types it: npm's own start-up is part of what they wait for.
    'npm start (npm + bot, console) to its prompt, nothing to ingest': () =>
      timedBot({ NEWSDESK_DB: bot.db, CORPUS_DIR: bot.empty }, ['npm', 'start', '--silent']),
  } as Record<string, () => Run | Promise<Run>>;
  const runs = new Map<string, Run[]>(Object.keys(cases).map((k) => [k, []]));
  // Interleaved rounds, so that a busy moment of the host weighs on every case alike.
  for (let round = 0; round < ROUNDS; round++)
    for (const [label, run] of Object.entries(cases)) runs.get(label)!.push(await run());
  rmSync(join(bot.db, '..'), { recursive: true, force: true });

  const base = runs.get('node -e 0')!;
  const baseWall = median(base.map((r) => r.wallMs));
  const baseCpu = median(base.map((r) => r.cpuMs));
  console.log(`### Startup\n`);
  console.log(
    `${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.versions.node}; median of ${ROUNDS} interleaved rounds; whois asks for "${name}".\n`,
  );
  console.log('| process | wall ms | × node -e 0 | CPU ms | × node -e 0 | to prompt ms | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, list] of runs) {
    const wall = median(list.map((r) => r.wallMs));
    const cpu = median(list.map((r) => r.cpuMs));
    const prompt = list[0]?.promptMs === undefined ? '–' : median(list.map((r) => r.promptMs!)).toFixed(0);
    const peak = Math.max(...list.map((r) => r.peakMb));
    console.log(
      `| ${label} | ${wall.toFixed(0)} | ${(wall / baseWall).toFixed(1)} | ${cpu.toFixed(0)} | ${(cpu / baseCpu).toFixed(1)} | ${prompt} | ${peak.toFixed(0)} |`,
    );
  }
  console.log(
    `\nTargets: --help ≤ 3x, whois ≤ 5x and < 120 MB, console prompt ≤ 2 s plus the ingest (here a re-read of ${CONSOLE_ARTICLES} unchanged files).`,
  );
}

await main();
