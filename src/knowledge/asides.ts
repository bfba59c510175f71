// Parts of a sentence that speak of another, earlier moment than the event the sentence tells: what
// they name (a place, people, a date) must not be taken for the told event's.

export interface Span {
  start: number;
  end: number;
}

/** Words that put an event before the one told: "a previous gathering", "earlier meetings". */
const EARLIER_WORD = '(?:previous|earlier|prior|last(?![-\\w]))';
/** A link that looks back: "follow(s/ed)", "came after", "built on", "after". */
const LOOKS_BACK =
  '(?:follow(?:s|ed|ing)?|c[ao]me(?:s)? (?:after|on the heels of)|buil[dt](?:s)? on|after|on the heels of)';
/** "follow a previous gathering in Geneva, where ...": the earlier event and all that describes it. */
const BACK_REFERENCE = new RegExp(
  `\\b${LOOKS_BACK}\\s+(?:(?:a|an|the|its|their|his|her|several|two|three)\\s+)?${EARLIER_WORD}\\b`,
  'i',
);

/**
 * The back-reference of a sentence ("This week's meetings follow a previous gathering in Geneva,
 * where ..."): it names no new event. At the head of the sentence ("After an earlier round in X,
 * they met in Y") it ends at the first comma; elsewhere it runs to the end of the sentence.
 */
export function backReference(sentence: string): Span | null {
  const m = BACK_REFERENCE.exec(sentence);
  if (!m) return null;
  if (m.index > 0) return { start: m.index, end: sentence.length };
  const comma = sentence.indexOf(',', m[0].length);
  return { start: 0, end: comma < 0 ? sentence.length : comma + 1 };
}

/**
 * ", who had looked grim over the weekend," — a past-perfect aside about someone tells an earlier
 * state, so its date is not the date of what the sentence reports.
 */
const PAST_PERFECT_ASIDE = /,\s*(?:who|which|whose \w+)\s+had\s+[^,;:“”"]*(?=[,;])/gi;

export function pastPerfectAsides(sentence: string): Span[] {
  return [...sentence.matchAll(PAST_PERFECT_ASIDE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The sentence with the spans replaced by spaces, so offsets stay the same. */
export function blankSpans(sentence: string, spans: Span[]): string {
  let out = sentence;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

export const insideAny = (at: number, spans: Span[]): boolean =>
  spans.some((s) => at >= s.start && at < s.end);
