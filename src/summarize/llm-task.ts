import { createHash } from 'node:crypto';
import { countTokens } from 'gpt-tokenizer';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { formatEvidence, type Passage } from './evidence.ts';
import { LlmClient, type LlmOutcome } from './llm/client.ts';
import { type PromptTask, prompts, renderPrompt } from './prompts.ts';

export const itemSchema = z.object({ text: z.string(), evidence: z.array(z.string()) });
export const digestAnswer = z.object({ headline: z.string(), items: z.array(itemSchema) });
export const itemsAnswer = z.object({ items: z.array(itemSchema) });

/** Tokens kept free in the input budget for message framing. */
const FRAMING_TOKENS = 32;

export interface TaskRun<T> {
  outcome: LlmOutcome<T>;
  promptVersion: string;
  cached: boolean;
}

/** Input tokens left for evidence once the template and its other slots are counted. */
export function evidenceBudget(
  config: Config,
  task: PromptTask,
  slots: Record<string, string | number>,
): number {
  const empty = renderPrompt(prompts()[task], { ...slots, evidence: '' });
  return config.LLM_MAX_INPUT_TOKENS - countTokens(empty.system) - countTokens(empty.user) - FRAMING_TOKENS;
}

/**
 * Renders the task's template around the evidence, asks the model (or the cache), and returns the
 * validated answer. The cache key is (task, prompt version, model, hash of everything sent).
 */
export async function runTask<T>(
  store: Store,
  config: Config,
  task: PromptTask,
  slots: Record<string, string | number>,
  passages: Passage[],
  schema: z.ZodType<T>,
): Promise<TaskRun<T>> {
  const template = prompts()[task];
  const rendered = renderPrompt(template, { ...slots, evidence: formatEvidence(passages) });
  const evidenceHash = createHash('sha256').update(JSON.stringify(rendered)).digest('hex');
  const key = { task, promptVersion: template.version, model: config.LLM_MODEL, evidenceHash };
  const hit = store.summaries.cached(key);
  if (hit !== undefined) {
    const checked = schema.safeParse(hit);
    if (checked.success)
      return { outcome: { ok: true, value: checked.data }, promptVersion: template.version, cached: true };
  }
  const client = new LlmClient(config);
  const outcome = await client.complete({
    name: task,
    schema,
    messages: [
      ...(rendered.system ? [{ role: 'system' as const, content: rendered.system }] : []),
      { role: 'user' as const, content: rendered.user },
    ],
  });
  if (outcome.ok) store.summaries.cache(key, outcome.value);
  return { outcome, promptVersion: template.version, cached: false };
}
