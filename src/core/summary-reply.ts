import type { DigestResult, SummaryItem, SummaryResult } from '../summarize/types.ts';
import { sourceLabel, toSourceRef, uniqueSources } from './citations.ts';
import type { Block, ListItem, Reply, SourceRef } from './reply.ts';
import { makeReply } from './reply.ts';

const modeLabel = (mode: 'llm' | 'extractive'): string => (mode === 'llm' ? 'LLM' : 'extractive');

function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const formatPeriod = (since: string, until: string): string =>
  `${formatInstant(since)} – ${formatInstant(until)}`;

const toListItem = (item: SummaryItem): ListItem => ({
  text: item.text,
  sources: item.sources.map(toSourceRef),
});

/** "Mode: LLM · Period: … · Sources: Reuters, AP" plus the composer's note when there is one. */
function footnote(
  mode: 'llm' | 'extractive',
  period: string,
  sources: SourceRef[],
  note: string | null,
): Block {
  const outlets = [...new Set(sources.map((s) => sourceLabel(s, 40)))];
  const parts = [`Mode: ${modeLabel(mode)}`, `Period: ${period}`, `Sources: ${outlets.join(', ') || 'none'}`];
  if (note) parts.push(note);
  return { type: 'footnote', text: parts.join(' · ') };
}

function itemBlocks(items: SummaryItem[], empty: string): { blocks: Block[]; sources: SourceRef[] } {
  const list = items.map(toListItem);
  return {
    blocks: list.length ? [{ type: 'list', items: list }] : [{ type: 'paragraph', text: empty }],
    sources: uniqueSources(list.map((i) => i.sources ?? [])),
  };
}

/** A digest as a reply: headline, items each with its citations, what to watch, mode/period/sources. */
export function digestReply(digest: DigestResult, options: { ephemeral?: boolean } = {}): Reply {
  const period = formatPeriod(digest.since, digest.until);
  const { blocks, sources } = itemBlocks(digest.items, 'Nothing new in this period.');
  if (digest.watch.length) {
    blocks.push({ type: 'heading', text: 'What to watch' });
    blocks.push({ type: 'list', items: digest.watch.map((w) => ({ text: `${w.date}: ${w.title}` })) });
  }
  blocks.push(footnote(digest.mode, period, sources, digest.note));
  return makeReply({
    title: digest.headline.trim() || 'News digest',
    blocks,
    ephemeral: options.ephemeral ?? false,
    mode: modeLabel(digest.mode),
  });
}

/** A topic summary as a reply, in the same shape as a digest. */
export function summaryReply(summary: SummaryResult, options: { ephemeral?: boolean } = {}): Reply {
  const period = summary.period
    ? `${summary.period.since} – ${summary.period.until}`
    : `last ${summary.days} day${summary.days === 1 ? '' : 's'}`;
  const { blocks, sources } = itemBlocks(summary.items, 'No articles on this in that period.');
  blocks.push(footnote(summary.mode, period, sources, summary.note));
  return makeReply({
    title: summary.topic ? `Summary: ${summary.topic}` : 'Summary',
    blocks,
    ephemeral: options.ephemeral ?? true,
    mode: modeLabel(summary.mode),
  });
}
