import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countTokens } from 'gpt-tokenizer';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/store/index.ts';
import { buildEvidence, formatEvidence } from '../src/summarize/evidence.ts';
import { composeDigest } from '../src/summarize/index.ts';
import { evidenceBudget } from '../src/summarize/llm-task.ts';
import { digestPeriod } from '../src/summarize/period.ts';
import { prepare } from '../src/summarize/pipeline.ts';
import { prompts, renderPrompt } from '../src/summarize/prompts.ts';
import { fillSyntheticStore } from './digest-corpus.ts';

// npm run bench:digest [-- TOTAL DAY]: a synthetic store of TOTAL articles (default 50,000) with DAY
// (default 500) in the last 24 hours; times an extractive digest of that day and measures what an
// LLM digest would send against sending every new article in full.
const total = Number(process.argv[2] ?? 50_000);
const dayCount = Number(process.argv[3] ?? 500);
const work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-digest-'));
const end = new Date('2026-01-15T08:00:00Z');
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(2);

try {
  const store = openStore(join(work, 'bench.db'));
  let t = performance.now();
  const day = fillSyntheticStore(store, total, dayCount, end);
  console.log(`store: ${total} articles (${dayCount} in the last 24 h) written in ${seconds(t)} s`);

  const config = loadConfig({ LOG_LEVEL: 'silent' });
  t = performance.now();
  const digest = await composeDigest(store, config, { hours: 24, now: end });
  console.log(
    `extractive digest of the day: ${seconds(t)} s, ${digest.items.length} items, ` +
      `${digest.leftOut?.length ?? 0} articles left out`,
  );

  // The LLM path's evidence, measured without a server: same period, same selection, same budget.
  const period = digestPeriod(store, { hours: 24, now: end });
  const rows = store.articles.list({ since: period.since, until: period.until, includeDuplicates: true });
  const prepared = prepare(store, rows, {
    topic: config.DIGEST_TOPIC,
    since: period.since,
    until: period.until,
    maxItems: 7,
    novelty: true,
  });
  const slots = {
    topic: config.DIGEST_TOPIC,
    since: period.since,
    until: period.until,
    minItems: 3,
    maxItems: 7,
  };
  const passages = buildEvidence(prepared, evidenceBudget(config, 'digest', slots));
  const sent = renderPrompt(prompts().digest, { ...slots, evidence: formatEvidence(passages) });
  const sentTokens = countTokens(sent.system) + countTokens(sent.user);
  const allTokens = rows.reduce((n, r) => n + countTokens(`${r.title}\n${r.text}`), 0);
  const generated = new Set([...day.storyOf.values()].filter((s) => s >= 0));
  const voiced = new Set(
    passages.map((p) => day.storyOf.get(p.articleId)).filter((s) => s !== undefined && s >= 0),
  );
  const clustered = prepared.stories.length;
  const clusteredVoiced = new Set(
    passages.map((p) => prepared.stories.find((s) => s.articles.some((a) => a.row.id === p.articleId))?.id),
  );
  console.log(
    `LLM digest input: ${sentTokens} tokens (budget ${config.LLM_MAX_INPUT_TOKENS}) vs ${allTokens} tokens of new ` +
      `article text = ${((100 * sentTokens) / allTokens).toFixed(1)}%`,
  );
  console.log(
    `stories represented: ${voiced.size}/${generated.size} generated stories, ` +
      `${clusteredVoiced.size}/${clustered} clustered stories, in ${passages.length} passages`,
  );
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  store.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
