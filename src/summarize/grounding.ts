import type { Passage } from './evidence.ts';
import { sanitizeOutput } from './sanitize.ts';
import { clip } from './text.ts';

export interface GeneratedItem {
  text: string;
  evidence: string[];
}

export interface GroundedItem {
  text: string;
  articleIds: number[];
  passages: Passage[];
}

/** Links and Markdown from a model are dropped: citations come from the store, never from generated text. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\bhttps?:\/\/\S+/gi, '')
    .replace(/[*_`#>]+/g, '')
    .replace(/\[(?:E\d+(?:\s*,\s*E\d+)*)\]/g, '');
}

/**
 * Keeps only statements that cite at least one real passage; maps cited passages to articles.
 * Returns the kept items and how many were dropped.
 */
export function groundItems(
  items: GeneratedItem[],
  passages: Passage[],
): { kept: GroundedItem[]; dropped: number } {
  const byId = new Map(passages.map((p) => [p.id.toUpperCase(), p]));
  const kept: GroundedItem[] = [];
  for (const item of items) {
    const cited = [
      ...new Set(
        item.evidence.map((e) =>
          e
            .trim()
            .replace(/^\[|\]$/g, '')
            .toUpperCase(),
        ),
      ),
    ]
      .map((id) => byId.get(id))
      .filter((p): p is Passage => p !== undefined);
    const text = sanitizeOutput(clip(plain(item.text), 420));
    if (cited.length === 0 || text.length < 10) continue;
    kept.push({ text, articleIds: [...new Set(cited.map((p) => p.articleId))], passages: cited });
  }
  return { kept, dropped: items.length - kept.length };
}
