import { UserError } from '../core/errors.ts';

/**
 * The queues a worker takes jobs from (`newsdesk worker --queues`). Names are a contract between the
 * front end that sends jobs and workers of any version that take them.
 * - polls: one feed polled (its document), its items stored, except new or changed ones that want
 *   their linked page, which are handed to `pages`; then new items and feed health posted;
 * - llm: a digest slot composed (the LLM's part), then handed to `digests`;
 * - digests: a composed slot delivered once to its channel;
 * - pages: one feed item's linked page fetched (under the per-host limit) and its article stored,
 *   from the item's summary when the page cannot be had; then new items posted.
 */
export const QUEUE_NAMES = ['polls', 'pages', 'llm', 'digests'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

const isQueueName = (name: string): name is QueueName => (QUEUE_NAMES as readonly string[]).includes(name);

/** `--queues polls,digests` as queue names; an unknown one is a UserError naming the valid ones. */
export function parseQueues(list: string): QueueName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isQueueName(n));
  if (unknown.length || !names.length)
    throw new UserError(
      `--queues: ${unknown.length ? `unknown queue ${unknown.map((n) => `"${n}"`).join(', ')}` : 'no queue named'}; valid queues are ${QUEUE_NAMES.join(', ')}`,
    );
  return [...new Set(names)] as QueueName[];
}
