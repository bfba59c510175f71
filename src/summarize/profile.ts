import { countTokens } from 'gpt-tokenizer';
import { type Config, llmConfigured } from '../config.ts';
import type { WhoisActor } from '../knowledge/types.ts';
import { log } from '../log.ts';
import type { Store } from '../store/index.ts';
import { analyse } from './corpus.ts';
import { formatPassage, type Passage } from './evidence.ts';
import { groundItems } from './grounding.ts';
import { evidenceBudget, itemsAnswer, runTask } from './llm-task.ts';
import { citeAll } from './sources.ts';
import type { SummaryItem } from './types.ts';

export interface ActorProfile {
  mode: 'llm';
  text: string;
  items: SummaryItem[];
  note: string | null;
  promptVersion: string;
}

const MAX_STATEMENTS = 4;

/** Sentences that name the actor (full name, alias or surname), from the articles knowledge cites. */
function actorPassages(store: Store, config: Config, actor: WhoisActor, budget: number): Passage[] {
  const rows = store.articles
    .getMany(actor.sources.map((s) => s.articleId))
    .filter((r) => r.status === 'active');
  const names = [actor.name, ...actor.aliases, actor.name.split(/\s+/).at(-1) ?? actor.name]
    .filter((n) => n.length >= 3)
    .map((n) => n.toLowerCase());
  const { articles } = analyse(rows, `${actor.name}; ${config.DIGEST_TOPIC}`);
  const passages: Passage[] = [];
  let used = 0;
  for (const a of articles) {
    for (const s of a.sentences) {
      if (!names.some((n) => s.text.toLowerCase().includes(n))) continue;
      const passage: Passage = {
        id: `E${passages.length + 1}`,
        articleId: a.row.id,
        source: a.row.source ?? 'unknown outlet',
        date: a.date,
        text: s.text,
        sentence: s,
      };
      const cost = countTokens(formatPassage(passage)) + 2;
      if (used + cost > budget) return passages;
      passages.push(passage);
      used += cost;
    }
  }
  return passages;
}

/**
 * An LLM-written, grounded profile for /whois. Null without an LLM, without evidence, or when the
 * model fails: the knowledge layer's extractive profile is then the answer.
 */
export async function actorProfile(
  store: Store,
  config: Config,
  actor: WhoisActor,
): Promise<ActorProfile | null> {
  if (!llmConfigured(config)) return null;
  const slots = {
    name: actor.name,
    kind: actor.kind,
    role: actor.role ? `, ${actor.role}` : '',
    maxItems: MAX_STATEMENTS,
  };
  const passages = actorPassages(store, config, actor, evidenceBudget(config, 'whois', slots));
  if (passages.length === 0) return null;
  const run = await runTask(store, config, 'whois', slots, passages, itemsAnswer);
  if (!run.outcome.ok) {
    log.warn(
      { reason: run.outcome.reason, actor: actor.name },
      'LLM profile unavailable; using the extractive one',
    );
    return null;
  }
  const { kept, dropped } = groundItems(run.outcome.value.items.slice(0, MAX_STATEMENTS), passages);
  if (kept.length === 0) return null;
  const items = kept.map((k) => ({ text: k.text, sources: citeAll(store, k.articleIds) }));
  return {
    mode: 'llm',
    text: items.map((i) => i.text).join(' '),
    items,
    note: dropped > 0 ? `${dropped} statement(s) without a valid citation dropped` : null,
    promptVersion: run.promptVersion,
  };
}
