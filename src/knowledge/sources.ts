import type { SourceRow } from '../store/knowledge.ts';
import type { KnowledgeSource } from './types.ts';

/** The contract's source shape: {articleId, title, url} or {articleId, title, path}, and the outlet. */
export function toSource(s: SourceRow): KnowledgeSource {
  const out: KnowledgeSource = { articleId: s.articleId, title: s.title };
  if (s.url) out.url = s.url;
  else if (s.path) out.path = s.path;
  if (s.source) out.source = s.source;
  return out;
}
