import { findMentions } from '../../src/knowledge/mentions.ts';
import { type FoundRole, findRoles } from '../../src/knowledge/roles.ts';
import { lowercaseVocabulary, tokenize } from '../../src/knowledge/text.ts';

/** Roles one sentence gives `name`, read as the analysis reads them. */
export function rolesIn(sentence: string, name: string): FoundRole[] {
  const tokens = tokenize(sentence);
  const mentions = findMentions(tokens, { lowercase: lowercaseVocabulary(sentence), text: sentence });
  const m = mentions.find((x) => x.kind === 'person' && x.surface === name);
  if (!m) throw new Error(`${name} not found in: ${sentence}`);
  return findRoles(sentence, tokens, m, mentions);
}

/** The same roles as "role @affiliation" ("-" for none), easy to compare. */
export const roleLabels = (sentence: string, name: string): string[] =>
  rolesIn(sentence, name).map((r) => `${r.role} @${r.affiliation ?? '-'}`);
