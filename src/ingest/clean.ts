import type { RemovedBlock } from '../store/articles.ts';
import { type Block, isHeadingLike, isProse, lineKey, sameLineAs, toBlocks } from './clean-blocks.ts';
import {
  bylineOf,
  captionCredit,
  furnitureReason,
  NAME_LINE,
  tailMarkerReason,
  tailReason,
  wireDatelineOf,
} from './clean-patterns.ts';
import { strayParagraphs } from './clean-stray.ts';
import { datelineOf } from './dates.ts';
import { countWords, isStopWord, wordsOf } from './words.ts';

const hasStopWord = (text: string): boolean => wordsOf(text).some(isStopWord);

export interface CleanResult {
  /** The article: paragraphs separated by blank lines. */
  text: string;
  /** Its word count (countWords of text). */
  words: number;
  /** wordsOf(text), for the fingerprint. */
  tokens: string[];
  /** Everything cut, in page order, with why. */
  removed: RemovedBlock[];
  /** The headline found at the top when none was given. */
  title?: string;
  author?: string;
  /** The day a dateline under the headline states (ISO). */
  dateline?: string;
}

const HEADER_BLOCKS = 8;
/** Short lines above the story once the headline is known: kicker, section, author names. */
const LABEL_WORDS = 5;
/** Bylines and datelines sit above the story or right under its first lines. */
const HEADER_WORDS = 150;
/** The tail (comments, footer) starts no earlier than this share of the story's words. */
const TAIL_MIN_SHARE = 0.5;
const TAIL_MIN_WORDS = 80;

/**
 * Keeps the article and drops page furniture: player and share widgets, promos, bylines and
 * datelines (their facts are returned), repeated headlines, comment threads and footers after the
 * story, and paragraphs from another story. Signals are position, shape and wording patterns common
 * to many outlets, never rules for one page.
 */
export function cleanArticleText(raw: string, hints: { title?: string } = {}): CleanResult {
  const blocks = toBlocks(raw);
  const result: CleanResult = { text: '', words: 0, tokens: [], removed: [] };
  const reasons: (string | null)[] = blocks.map(furnitureReason);
  const captions = cutCaptionCredits(blocks, reasons, result.removed);
  let title = hints.title?.trim() || undefined;
  let isTitle = title ? sameLineAs(title) : undefined;

  const firstProse = blocks.findIndex((b, i) => !reasons[i] && !captions.has(i) && isProse(b));
  let headerWords = 0;
  const headerEnd = Math.min(blocks.length, Math.max(HEADER_BLOCKS, firstProse));
  for (let i = 0; i < headerEnd && headerWords <= HEADER_WORDS; i++) {
    const b = blocks[i]!;
    if (reasons[i]) continue;
    const byline = bylineOf(b);
    const dateline = datelineOf(b.text);
    if (isTitle?.(b.text)) reasons[i] = 'repeated headline';
    else if (byline) {
      reasons[i] = 'byline';
      if (byline.author && !result.author) result.author = byline.author;
    } else if (dateline) {
      reasons[i] = 'dateline';
      result.dateline ??= dateline;
    } else if (!title && (firstProse < 0 || i < firstProse) && isHeadingLike(b)) {
      title = b.text;
      isTitle = sameLineAs(title);
      result.title = b.text;
      reasons[i] = 'headline (kept as title)';
    } else if (
      title &&
      ((i < firstProse && isHeadingLike(b) && b.words <= LABEL_WORDS) ||
        (NAME_LINE.test(b.text) && !hasStopWord(b.text)))
    ) {
      reasons[i] = 'kicker, section or author line';
    } else headerWords += b.words;
  }
  if (title) markRepeats(blocks, reasons, title);

  markTail(blocks, reasons, firstProse);
  markTrailingHeadings(blocks, reasons);
  const cut = cutWireDateline(blocks, reasons);
  const keptIdx = blocks.map((_, i) => i).filter((i) => !reasons[i]);
  // Each kept block is split into words once: the stray check and the fingerprint both use them.
  const tokens = keptIdx.map((i) => wordsOf(blocks[i]!.text));
  const stray = new Set(
    strayParagraphs(
      keptIdx.map((i) => blocks[i]!),
      title ?? '',
      tokens,
    ),
  );
  for (const k of stray) reasons[keptIdx[k]!] = 'paragraph from another story';
  tokens.forEach((words, k) => {
    if (!stray.has(k)) for (const w of words) result.tokens.push(w);
  });

  const kept: string[] = [];
  blocks.forEach((b, i) => {
    const reason = reasons[i];
    if (reason) result.removed.push({ text: b.text, reason });
    else {
      if (cut?.index === i) result.removed.push({ text: cut.text, reason: 'wire dateline' });
      kept.push(b.text);
      result.words += b.words;
    }
  });
  result.text = kept.join('\n\n');
  return result;
}

/**
 * Cuts the credit off photo captions ("(AFP Photo)", "/ Photo: Reuters") and returns which blocks
 * are captions; a caption that is only a credit goes whole.
 */
function cutCaptionCredits(
  blocks: Block[],
  reasons: (string | null)[],
  removed: RemovedBlock[],
): Set<number> {
  const captions = new Set<number>();
  blocks.forEach((b, i) => {
    const caption = reasons[i] ? null : captionCredit(b);
    if (!caption) return;
    captions.add(i);
    if (!caption.kept) {
      reasons[i] = 'photo caption or credit';
      return;
    }
    removed.push({ text: caption.credit, reason: 'photo credit' });
    b.text = caption.kept;
    b.words = countWords(b.text);
  });
  return captions;
}

/**
 * Marks the headline repeated in the page (also with a wire slug or a longer variant: "(2nd LD) <title>
 * if ...") and paragraphs the page repeats (captions shown two or three times).
 */
function markRepeats(blocks: Block[], reasons: (string | null)[], title: string): void {
  const isTitle = sameLineAs(title);
  const titleKey = lineKey(title);
  const seen = new Set<string>();
  blocks.forEach((b, i) => {
    if (reasons[i]) return;
    const key = lineKey(b.text);
    if (
      isTitle(b.text) ||
      (titleKey.length >= 20 && key.startsWith(titleKey) && b.words <= countWords(title) + 10)
    )
      reasons[i] = 'repeated headline';
    else if (seen.has(key)) reasons[i] = 'repeated paragraph';
    seen.add(key);
  });
}

/**
 * Takes the agency dateline ("CHICAGO (AP) — ") off the story's first paragraph: summaries and
 * profiles quote that sentence, and the place and agency are known from the text and the source.
 */
function cutWireDateline(
  blocks: Block[],
  reasons: (string | null)[],
): { index: number; text: string } | null {
  const index = reasons.findIndex((r) => !r);
  const first = blocks[index];
  const prefix = first ? wireDatelineOf(first.text) : null;
  if (!first || !prefix) return null;
  first.text = first.text.slice(prefix.length);
  first.words = countWords(first.text);
  return { index, text: prefix.trim() };
}

/** Marks everything from the first comment-thread or footer marker after the bulk of the story. */
function markTail(blocks: Block[], reasons: (string | null)[], firstProse: number): void {
  if (firstProse < 0) return;
  const total = blocks.reduce((n, b, i) => n + (reasons[i] ? 0 : b.words), 0);
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (
      i > firstProse &&
      before >= TAIL_MIN_WORDS &&
      before >= total * TAIL_MIN_SHARE &&
      tailMarkerReason(b)
    ) {
      let afterForm = false;
      for (let j = i; j < blocks.length; j++) {
        const reason: string = reasons[j] ?? tailReason(blocks[j]!, afterForm);
        reasons[j] = reason;
        afterForm ||= reason === 'comment form' || reason === 'copyright footer';
      }
      return;
    }
    if (!reasons[i]) before += b.words;
  }
}

/** Headings after the last paragraph of the story headed furniture that is gone ("Fact Checker"). */
function markTrailingHeadings(blocks: Block[], reasons: (string | null)[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (reasons[i]) continue;
    if (!isHeadingLike(blocks[i]!) || blocks[i]!.words > 8) return;
    reasons[i] = 'heading without content';
  }
}
