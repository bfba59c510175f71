import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { PROJECT_ROOT } from '../core/paths.ts';

export type PromptTask = 'digest' | 'summary' | 'whois';

/** Slots each task fills: a template may use fewer, never others. */
const SLOTS: Record<PromptTask, string[]> = {
  digest: ['topic', 'since', 'until', 'minItems', 'maxItems', 'evidence'],
  summary: ['focus', 'topic', 'days', 'maxItems', 'evidence'],
  whois: ['name', 'kind', 'role', 'maxItems', 'evidence'],
};

const USER_MARKER = '<!-- user -->';
export const DEFAULT_PROMPTS_DIR = resolve(PROJECT_ROOT, 'prompts');

export interface PromptTemplate {
  task: PromptTask;
  text: string;
  /** Content hash: stored with every output the template produced. */
  version: string;
}

export interface RenderedPrompt {
  system: string;
  user: string;
}

export class PromptError extends CodedError {
  override name = 'PromptError';
  readonly code = ErrorCode.Prompt;
}

const slotsIn = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);

function parseTemplate(task: PromptTask, text: string, file: string): PromptTemplate {
  const unknown = slotsIn(text).filter((s) => !SLOTS[task].includes(s));
  if (unknown.length)
    throw new PromptError(`${file}: unknown slot(s) ${unknown.map((s) => `{{${s}}}`).join(', ')}`);
  if (!slotsIn(text).includes('evidence'))
    throw new PromptError(`${file}: the {{evidence}} slot is required`);
  const version = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return { task, text, version };
}

/** Reads and checks every template once; a bad template fails at start, not mid-digest. */
export function loadPrompts(dir = DEFAULT_PROMPTS_DIR): Record<PromptTask, PromptTemplate> {
  const load = (task: PromptTask) => {
    const file = join(dir, `${task}.md`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new PromptError(`cannot read prompt template ${file}: ${(err as Error).message}`, { cause: err });
    }
    return parseTemplate(task, text, file);
  };
  return { digest: load('digest'), summary: load('summary'), whois: load('whois') };
}

let loaded: Record<PromptTask, PromptTemplate> | undefined;

/** The templates of this process, loaded on first use (main may call loadPrompts at start). */
export function prompts(): Record<PromptTask, PromptTemplate> {
  loaded ??= loadPrompts();
  return loaded;
}

/** Fills the slots; a slot the template uses but the caller did not give is an error. */
export function renderPrompt(
  template: PromptTemplate,
  slots: Record<string, string | number>,
): RenderedPrompt {
  // Split before filling, so that slot values (article text) can never move the boundary.
  const fill = (part: string) =>
    part.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      const value = slots[name];
      if (value === undefined)
        throw new PromptError(`${template.task} prompt: slot {{${name}}} has no value`);
      return String(value);
    });
  const at = template.text.indexOf(USER_MARKER);
  if (at < 0) return { system: '', user: fill(template.text).trim() };
  return {
    system: fill(template.text.slice(0, at)).trim(),
    user: fill(template.text.slice(at + USER_MARKER.length)).trim(),
  };
}
