import { neutraliseMentions, stripInvisible } from '../core/mentions.ts';

export { neutraliseMentions, stripInvisible };

/** Output-side cleaning for any text that came from an article or a model. */
export function sanitizeOutput(text: string): string {
  return neutraliseMentions(text.replace(/\s+/g, ' ').trim());
}
