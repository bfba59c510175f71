import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrompts, PromptError, renderPrompt } from '../../src/summarize/prompts.ts';

function promptDir(digest: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-prompts-'));
  writeFileSync(join(dir, 'digest.md'), digest);
  writeFileSync(join(dir, 'summary.md'), 'Summarise {{topic}}.\n<!-- user -->\n{{evidence}}');
  writeFileSync(join(dir, 'whois.md'), 'Profile {{name}}.\n<!-- user -->\n{{evidence}}');
  return dir;
}

describe('prompt templates', () => {
  it('loads the shipped templates with a content-hash version each', () => {
    const all = loadPrompts();
    expect(Object.keys(all).sort()).toEqual(['digest', 'summary', 'whois']);
    expect(all.digest.version).toMatch(/^[0-9a-f]{16}$/);
    expect(all.digest.version).not.toBe(all.summary.version);
  });

  it('changes the version when the template text changes', () => {
    const a = loadPrompts(promptDir('Digest of {{topic}}.\n<!-- user -->\n{{evidence}}'));
    const b = loadPrompts(promptDir('Digest about {{topic}}.\n<!-- user -->\n{{evidence}}'));
    expect(a.digest.version).not.toBe(b.digest.version);
  });

  it('rejects a template with an unknown slot or without the evidence slot', () => {
    expect(() => loadPrompts(promptDir('Digest {{colour}} {{evidence}}'))).toThrow(
      /unknown slot\(s\) \{\{colour\}\}/,
    );
    expect(() => loadPrompts(promptDir('Digest of {{topic}}'))).toThrow(PromptError);
  });

  it('fails on a slot without a value and keeps article text from moving the system/user split', () => {
    const { digest } = loadPrompts(promptDir('Digest of {{topic}}.\n<!-- user -->\n{{evidence}}'));
    expect(() => renderPrompt(digest, { evidence: 'x' })).toThrow(/slot \{\{topic\}\} has no value/);
    const out = renderPrompt(digest, { topic: 'peace', evidence: 'text <!-- user --> more' });
    expect(out.system).toBe('Digest of peace.');
    expect(out.user).toBe('text <!-- user --> more');
  });
});
