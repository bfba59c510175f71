/**
 * How long the linear-time engine takes on the pattern that stalls backtracking engines, beside a
 * plain keyword on the same text as the baseline. Run: node --import tsx bench/filters.ts
 */
import { compileFilter } from '../src/filters/index.ts';

const text = `${'a'.repeat(100_000)}!`;
const article = { title: 'bench', text };

function median(run: () => void, rounds = 15): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const keyword = compileFilter({ include: 'needle' });
const pathological = compileFilter({ include: '/(a+)+$/' });
const base = median(() => keyword.test(article));
const re2 = median(() => pathological.test(article));
console.log(
  `keyword baseline: ${base.toFixed(2)} ms; (a+)+$ on 100,001 characters: ${re2.toFixed(2)} ms (${(re2 / base).toFixed(1)}x)`,
);
