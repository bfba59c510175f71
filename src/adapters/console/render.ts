import type { Reply } from '../../core/reply.ts';

// Characters a terminal acts on instead of printing: C0 controls but tab and newline, DEL, and the
// C1 controls (U+009B is a one-character CSI). Article text or an LLM answer carrying them could
// clear the screen, retitle the window or forge a prompt, so the console prints none of them.
const C0_BUT_TAB_AND_NEWLINE = '\\u0000-\\u0008\\u000b-\\u001f';
const DEL_AND_C1 = '\\u007f-\\u009f';
const TERMINAL_CONTROLS = new RegExp(`[${C0_BUT_TAB_AND_NEWLINE}${DEL_AND_C1}]`, 'g');

const printable = (text: string): string => text.replace(TERMINAL_CONTROLS, '');

/** A reply as plain terminal text: its complete text, its mode, and how to see the next page. */
export function renderConsole(reply: Reply): string {
  const lines = [printable(reply.text).trimEnd()];
  if (reply.mode && !reply.text.includes(reply.mode)) lines.push(`(${reply.mode})`);
  const p = reply.pagination;
  if (p && p.page + 1 < p.pages) lines.push(`— page ${p.page + 1} of ${p.pages}; type /more for the next —`);
  return `${lines.join('\n')}\n`;
}
