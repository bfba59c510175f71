// Bylines and credits are furniture, not news: the person a credit names is not an actor of the story.
// The cleaner cuts such lines when it recognises them; this guard holds where a credit is glued to a
// headline, a caption or the first sentence ("... for first time - Amichai Stein", "By Xinhua Smoke
// billows ...", "Photo: Reuters / Reuters Jane Doe", "Jane Doe / The National").

import type { Token } from './text.ts';

/** Words that, before "by", make it a credit: "Reporting by X; Editing by Y", "Photos by X". */
const CREDIT_VERBS =
  /^(reporting|reported|editing|edited|writing|written|compiled|additional|photos?|photographs?|pictures?|images?|video|graphics?|produced|translated|translation|illustration)$/i;

/** Labels a credit starts with: "(Photo: X/AFP)", "Credit: X". */
const CREDIT_LABELS =
  /^(photo|photos|photograph|picture|image|images|credit|credits|source|video|illustration)$/i;

/** Media jobs in "X is our Moscow correspondent". */
const MEDIA_JOBS =
  /^(correspondent|reporter|editor|writer|columnist|contributor|journalist|producer|photographer|analyst)$/i;

/** Bare words after a name that end a byline: "Jane Doe Staff", "Jane Doe, Staff Writer". */
const BYLINE_TAILS = /^(staff|correspondent|reporter|contributor|writer)$/i;

const isDash = (t: Token | undefined) => !!t && t.punct && /[-–—]/.test(t.text);

/**
 * The person tokens [start, end) of a sentence are a byline or a credit, by their common forms:
 * "By X", "Reporting by X", "Photo: X", "X / Outlet", "Outlet/X", a headline ending "- X",
 * "X Staff", "X is our ... correspondent".
 */
export function isCredit(text: string, tokens: Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const prev2 = tokens[start - 2];
  if (before?.text === 'By') return true;
  if (before?.text === 'by' && prev2 && CREDIT_VERBS.test(prev2.text)) return true;
  if (before?.text === ':' && prev2 && CREDIT_LABELS.test(prev2.text)) return true;
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  if (/^\s*[/|]/.test(text.slice(last.end)) || /[/|]\s*(the\s+)?$/i.test(text.slice(0, first.start)))
    return true;
  // A headline with its author glued on: "... for first time - Jane Doe" (no full stop after).
  if (isDash(before) && end === tokens.length && !/[.!?]["”’)]?\s*$/.test(text)) return true;
  const after = tokens[end];
  if (after && BYLINE_TAILS.test(after.text) && /^\p{Lu}/u.test(after.text) && end + 1 >= tokens.length - 1)
    return true;
  if (after?.text === 'is' && /^(our|the|a)$/i.test(tokens[end + 1]?.text ?? '')) {
    return tokens.slice(end + 2, end + 6).some((t) => MEDIA_JOBS.test(t.text));
  }
  return false;
}
