import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { z } from 'zod';

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'invalid' | 'transient' | 'final'; reason: string; content?: string };

/** Pulls the JSON object out of a reply that may wrap it in a Markdown fence or prose. */
function jsonText(content: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  const body = fenced ? fenced[1]! : content;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

/**
 * Turns a completion into a validated answer, naming each way it can go wrong: an HTML page or
 * other non-JSON body (transient), no choices (transient), a refusal or a cut-off reply (final),
 * unparseable JSON or a schema mismatch (invalid: worth one repair).
 */
export function parseAnswer<T>(completion: ChatCompletion | string, schema: z.ZodType<T>): ParseResult<T> {
  if (typeof completion === 'string' || typeof completion !== 'object' || completion === null) {
    const looksHtml = typeof completion === 'string' && /<html|<!doctype/i.test(completion);
    return {
      ok: false,
      kind: 'transient',
      reason: looksHtml
        ? 'the LLM server returned an HTML page instead of JSON'
        : 'the LLM server returned a non-JSON body',
    };
  }
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!choice) return { ok: false, kind: 'transient', reason: 'the LLM returned no choices' };
  if (choice.message?.refusal) return { ok: false, kind: 'final', reason: 'the LLM refused to answer' };
  if (choice.finish_reason === 'length') {
    return { ok: false, kind: 'final', reason: 'the LLM reply was cut off (finish_reason "length")' };
  }
  const content = choice.message?.content;
  if (!content?.trim()) return { ok: false, kind: 'transient', reason: 'the LLM returned an empty message' };
  let data: unknown;
  try {
    data = JSON.parse(jsonText(content));
  } catch {
    return { ok: false, kind: 'invalid', reason: 'the LLM reply was not JSON', content };
  }
  const checked = schema.safeParse(data);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first?.path.join('.') || 'answer';
    return {
      ok: false,
      kind: 'invalid',
      reason: `the LLM reply did not match the schema (${where}: ${first?.message})`,
      content,
    };
  }
  return { ok: true, value: checked.data };
}
