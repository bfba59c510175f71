import { plainCitations } from './citations.ts';
import { neutraliseMentions } from './mentions.ts';

/** A cited article, always from the store (never a link taken from generated text). */
export interface SourceRef {
  articleId: number;
  title: string;
  url?: string;
  path?: string;
  source?: string | null;
}

export interface ListItem {
  text: string;
  /** Sources cited by this item; renderers keep an item and its citations together. */
  sources?: SourceRef[];
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: ListItem[] }
  | { type: 'fields'; fields: { name: string; value: string; inline?: boolean }[] }
  | { type: 'footnote'; text: string };

/** Where a long answer continues: adapters turn this into buttons or a "more" action. */
export interface Pagination {
  command: string;
  args: Record<string, string | number | boolean>;
  page: number;
  pages: number;
}

/**
 * The platform-neutral answer every command returns. `text` is a complete plain-text rendering;
 * `blocks` carry the structure adapters render within each platform's limits.
 */
export interface Reply {
  title?: string;
  text: string;
  blocks: Block[];
  /** Shown only to the person who asked. */
  ephemeral: boolean;
  /** "extractive" / "llm: model" and similar, shown in the footer. */
  mode?: string;
  pagination?: Pagination;
}

export type ReplyParts = Omit<Reply, 'text' | 'ephemeral'> & { ephemeral?: boolean };

function neutraliseBlock(block: Block): Block {
  switch (block.type) {
    case 'list':
      return {
        type: 'list',
        items: block.items.map((item) => ({ ...item, text: neutraliseMentions(item.text) })),
      };
    case 'fields':
      return {
        type: 'fields',
        fields: block.fields.map((f) => ({
          ...f,
          name: neutraliseMentions(f.name),
          value: neutraliseMentions(f.value),
        })),
      };
    default:
      return { ...block, text: neutraliseMentions(block.text) };
  }
}

/** The complete plain-text rendering of a reply's title and blocks (console output, notification text). */
export function replyPlainText(parts: Pick<Reply, 'title' | 'blocks'>): string {
  const lines: string[] = parts.title ? [parts.title] : [];
  for (const block of parts.blocks) {
    if (block.type === 'list') {
      for (const item of block.items) lines.push(`• ${item.text}${plainCitations(item.sources)}`);
    } else if (block.type === 'fields') {
      for (const field of block.fields) lines.push(`${field.name}: ${field.value}`);
    } else {
      lines.push(block.text);
    }
  }
  return lines.join('\n');
}

/**
 * Builds a Reply: text from articles or an LLM is neutralised here (no mention can survive into any
 * platform), and `text` is derived from the blocks so the two never disagree.
 */
export function makeReply(parts: ReplyParts): Reply {
  const title = parts.title === undefined ? undefined : neutraliseMentions(parts.title);
  const blocks = parts.blocks.map(neutraliseBlock);
  return {
    ...parts,
    ...(title === undefined ? {} : { title }),
    blocks,
    ephemeral: parts.ephemeral ?? true,
    text: replyPlainText({ title, blocks }),
  };
}

/** A one-paragraph ephemeral reply (errors, confirmations). */
export const shortReply = (text: string, title?: string): Reply =>
  makeReply({ ...(title ? { title } : {}), blocks: [{ type: 'paragraph', text }] });
