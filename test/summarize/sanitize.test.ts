import { describe, expect, it } from 'vitest';
import { neutraliseMentions, stripInvisible } from '../../src/summarize/sanitize.ts';

describe('sanitize', () => {
  it('defuses @everyone, @here, user and role mentions and Slack control sequences', () => {
    const out = neutraliseMentions(
      'hi @everyone and @here, <@123> <@&456> <#789> <!channel> <!subteam^S1> @bob',
    );
    expect(out).not.toMatch(/@everyone|@here|<@|<#|<!|@bob/);
    expect(out).toContain('everyone');
  });

  it('strips zero-width, bidi and tag characters', () => {
    const hidden = `a\u200Bb\u202Ec\u2066d\u{E0041}\u{E0069}e\uFEFF`;
    expect(stripInvisible(hidden)).toBe('abcde');
  });

  it('catches a mention hidden by an invisible character', () => {
    expect(neutraliseMentions('@\u200Beveryone')).not.toMatch(/@everyone/);
    expect(neutraliseMentions('\uFF20everyone')).not.toMatch(/@everyone/);
  });
});
