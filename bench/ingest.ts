import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { runIngest } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';
import { mainThreadCpuMs } from './thread-cpu.ts';

// npm run bench:ingest [-- ARTICLES]: synthetic corpus -> fresh store, first and unchanged runs.
const count = Number(process.argv[2] ?? 20_000);
const work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-ingest-'));
const corpus = join(work, 'corpus');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

try {
  let t = performance.now();
  writeSyntheticCorpus(corpus, count);
  console.log(`generated ${count} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const store = openStore(join(work, 'bench.db'));
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const run = async (label: string, into = store, indexKnowledge = false) => {
    t = performance.now();
    const cpu = process.cpuUsage();
    const mainCpu = mainThreadCpuMs();
    const report = await runIngest(into, { corpusDirs: [corpus], feeds: false, config, indexKnowledge });
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const n = report.new + report.updated + report.unchanged + report.duplicates;
    // CPU time per article is the steadier figure on a shared, loaded machine.
    const cpuMs = (used.user + used.system) / 1000 / n;
    // The main thread reads and writes the store while workers clean: its CPU time is the run's floor.
    const mainMs = mainCpu === undefined ? undefined : (mainThreadCpuMs()! - mainCpu) / n;
    console.log(
      `${label}: ${n} articles in ${s.toFixed(2)} s = ${Math.round(n / s)} articles/s, ` +
        `${cpuMs.toFixed(3)} CPU ms/article${mainMs === undefined ? '' : ` (main thread ${mainMs.toFixed(3)})`} (new ${report.new}, unchanged ${report.unchanged}, ` +
        `duplicates ${report.duplicates}, failed ${report.failed.length})`,
    );
    return report;
  };
  // The ingest pipeline alone (the target), then what `newsdesk ingest` does by default: the same
  // with knowledge extraction (analysis in the workers, actors and events stored on the main thread).
  await run('first run (ingest alone)');
  await run('unchanged run');
  store.close();
  const withKnowledge = openStore(join(work, 'knowledge.db'));
  await run('first run with knowledge extraction (newsdesk ingest)', withKnowledge, true);
  withKnowledge.close();

  const feedBench = join(import.meta.dirname, 'feed-bench.ts');
  if (existsSync(feedBench)) {
    const mod = (await import(feedBench)) as { runFeedBench?: () => Promise<unknown> };
    await mod.runFeedBench?.();
  } else console.log('feed benchmark: bench/feed-bench.ts not present');
  console.log(`peak RSS: ${peakRssMb()} MB (heap now ${mb(process.memoryUsage().heapUsed)} MB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
