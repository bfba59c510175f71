export interface CitedSource {
  articleId: number;
  title: string;
  url?: string;
  path?: string;
  source: string | null;
}

export interface SummaryItem {
  text: string;
  sources: CitedSource[];
}

/** `newsdesk digest --json` */
export interface DigestResult {
  mode: 'llm' | 'extractive';
  note: string | null;
  since: string;
  until: string;
  headline: string;
  items: SummaryItem[];
  watch: { date: string; title: string }[];
  promptVersion: string | null;
}

/** `newsdesk summary [TOPIC] --json`: the same item list as a digest. */
export interface SummaryResult {
  mode: 'llm' | 'extractive';
  note: string | null;
  topic: string | null;
  days: number;
  items: SummaryItem[];
  promptVersion: string | null;
}

export interface DigestOptions {
  since?: string;
  hours?: number;
  now?: Date;
}
