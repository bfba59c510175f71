import type { Figures } from './ledger.ts';
import type { RunResult } from './run.ts';

export interface TableContext {
  size: { tenants: number; feeds: number; windowS: number; itemsPerS: number; intervalS: number };
  distinctUrls: number;
  hosts: number;
  setupS: number;
  nodeMb: number;
  machine: string;
  workersUnavailable: string | undefined;
}

const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const counted = (f: Figures) => `${f.once}/${f.expected} (dup ${f.duplicates}, not arrived ${f.missing})`;

/** The run that throughput ratios are taken against: one worker if there is one, else the first. */
const reference = (results: RunResult[]) => results.find((r) => r.name.startsWith('1 worker')) ?? results[0];

export function formatTable(results: RunResult[], ctx: TableContext): string {
  const ref = reference(results);
  const header = [
    'run',
    'polls/s',
    'x ref',
    'max fetch/URL/interval',
    'stored p50/p99 s',
    'posted p50/p99 s',
    'item posts once',
    'digests once',
    'peak RSS MB (x node -e 0)',
  ];
  const rows = results.map((r) => [
    r.name,
    r.pollsPerS.toFixed(1),
    ref ? (r.pollsPerS / ref.pollsPerS).toFixed(2) : '-',
    String(r.maxFetchesPerInterval),
    `${s(r.storedP50Ms)}/${s(r.storedP99Ms)} (${r.itemsStored}/${r.itemsAppeared})`,
    `${s(r.postedP50Ms)}/${s(r.postedP99Ms)}`,
    counted(r.items),
    counted(r.digests),
    r.processes
      .map((p) => `${p.name} ${p.peakMb.toFixed(0)} (${(p.peakMb / ctx.nodeMb).toFixed(1)}x)`)
      .join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const { size } = ctx;
  const lines = [
    `bench:scale: ${size.tenants} tenants x 3 feeds = ${size.tenants * 3} subscriptions on ${ctx.distinctUrls} distinct URLs of a ${size.feeds}-feed farm on ${ctx.hosts} hosts (set up in ${ctx.setupS.toFixed(0)} s)`,
    `window ${size.windowS} s, ${size.itemsPerS} new items/s, poll interval ${size.intervalS} s; machine: ${ctx.machine}`,
    `node -e 0 peak RSS ${ctx.nodeMb.toFixed(0)} MB`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ];
  for (const r of results) {
    const extra = [
      `${r.name}: ready in ${r.startUpS.toFixed(0)} s, ${r.polls} feed fetches from ${r.feedsPolled} URLs in the window, drained ${r.drainedS.toFixed(0)} s`,
      `stray item posts ${r.stray}, health notices ${r.healthNotices}, nonce repeats answered by the stand-in ${r.nonceRepeats}`,
      `processes ended ${r.processes.map((p) => `${p.name}:${p.ended}`).join(' ')}`,
      ...(r.queue ? [`jobs ${r.queue.jobs}, retried ${r.queue.retried}, failed ${r.queue.failed}`] : []),
      ...r.notes,
    ];
    lines.push(extra.join('; '));
  }
  const killed = results.find((r) => r.name.includes('killed'));
  const same = results.find((r) => r.name.startsWith('2 workers on'));
  if (killed && same) {
    const added = (a?: number, b?: number) =>
      a === undefined || b === undefined ? '-' : `${((a - b) / 1000).toFixed(1)} s`;
    lines.push(
      `kill -9 cost: jobs retried ${killed.queue?.retried ?? '-'}, posted p50 ${added(killed.postedP50Ms, same.postedP50Ms)} and p99 ${added(killed.postedP99Ms, same.postedP99Ms)} against 2 workers unharmed, ` +
        `duplicates ${killed.items.duplicates + killed.digests.duplicates}, not arrived ${killed.items.missing + killed.digests.missing}`,
    );
  }
  if (ctx.workersUnavailable) lines.push(`workers not available: ${ctx.workersUnavailable}`);
  return `${lines.join('\n')}\n`;
}
