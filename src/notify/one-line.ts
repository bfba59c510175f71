import { articleBody, looksLikeInjection, stripDateline } from '../summarize/furniture.ts';
import { clip, normaliseText, splitSentences } from '../summarize/text.ts';

/** A one-line summary stays on one line of a phone screen or two. */
const MAX_CHARS = 220;
/** A "sentence" this short is a byline, a dateline or a caption, not a summary. */
const MIN_WORDS = 6;

const sameText = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/\W+/g, ' ').trim() === b.toLowerCase().replace(/\W+/g, ' ').trim();

/**
 * The article's lead sentence as a one-line summary: the first real sentence of its text that does
 * not repeat the title, without a dateline, clipped. Empty when the text offers none (a title-only item).
 */
export function oneLineSummary(title: string, text: string): string {
  const body = articleBody(normaliseText(text));
  for (const paragraph of body.split(/\n+/)) {
    for (const raw of splitSentences(paragraph.trim())) {
      const sentence = stripDateline(raw.replace(/\s+/g, ' ').trim());
      if (sentence.split(' ').length < MIN_WORDS || looksLikeInjection(sentence)) continue;
      if (sameText(sentence, title)) continue;
      return clip(sentence, MAX_CHARS);
    }
  }
  return '';
}
