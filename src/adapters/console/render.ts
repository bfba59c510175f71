import type { Reply } from '../../core/reply.ts';

/** A reply as plain terminal text: its complete text, its mode, and how to see the next page. */
export function renderConsole(reply: Reply): string {
  const lines = [reply.text.trimEnd()];
  if (reply.mode && !reply.text.includes(reply.mode)) lines.push(`(${reply.mode})`);
  const p = reply.pagination;
  if (p && p.page + 1 < p.pages) lines.push(`— page ${p.page + 1} of ${p.pages}; type /more for the next —`);
  return `${lines.join('\n')}\n`;
}
