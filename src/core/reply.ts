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
