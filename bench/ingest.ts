import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { runIngest } from '../src/ingest/index.ts';
import { indexArticles } from '../src/knowledge/index.ts';
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
  const run = async (label: string) => {
    t = performance.now();
    const cpu = process.cpuUsage();
    const mainCpu = mainThreadCpuMs();
    // Knowledge extraction is timed on its own below, so this figure is the ingest pipeline alone.
    const report = await runIngest(store, {
      corpusDirs: [corpus],
      feeds: false,
      config,
      indexKnowledge: false,
    });
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
    return { report, seconds: s };
  };
  const first = await run('first run (ingest alone)');
  await run('unchanged run');

  // Extraction is slow next to ingest: a sample of 1,000 articles gives its cost per article.
  const ids = first.report.articles.slice(0, 1000).map((a) => a.id);
  t = performance.now();
  indexArticles(store, ids);
  const indexSeconds = (performance.now() - t) / 1000;
  console.log(
    `knowledge extraction (indexArticles): ${((indexSeconds * 1000) / ids.length).toFixed(3)} ms/article; ` +
      `ingest + extraction: ${Math.round(1 / (first.seconds / count + indexSeconds / ids.length))} articles/s`,
  );
  store.close();

  const feedBench = join(import.meta.dirname, 'feed-bench.ts');
  if (existsSync(feedBench)) {
    const mod = (await import(feedBench)) as { runFeedBench?: () => Promise<unknown> };
    await mod.runFeedBench?.();
  } else console.log('feed benchmark: bench/feed-bench.ts not present');
  console.log(`peak RSS: ${peakRssMb()} MB (heap now ${mb(process.memoryUsage().heapUsed)} MB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
