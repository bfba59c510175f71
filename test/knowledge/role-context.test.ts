import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/knowledge/analyze.ts';

// Invented articles: a role's owner named elsewhere in the article.
const affiliations = (text: string, name: string) =>
  analyseArticle({ text, published: '2025-03-03', publishedEstimated: false })
    .actors.filter((a) => a.name === name)
    .flatMap((a) => a.roles.map((r) => `${r.role} @${r.affiliation ?? '-'}`));

describe('roles whose owner the article names elsewhere', () => {
  it('reads a body named by its head noun alone as the one body of the article with that name', () => {
    const text =
      'The prize was announced on Friday by the Alpine Heritage Committee in Geneva.\n\n' +
      "The Committee's chairwoman, Ilse Brandt, praised the winners on Friday evening.";
    expect(affiliations(text, 'Ilse Brandt')).toEqual(["Committee's chairwoman @Alpine Heritage Committee"]);
  });

  it('leaves the head noun alone when two bodies of the article end with it', () => {
    const text =
      'The Alpine Heritage Committee and the River Safety Committee met in Geneva on Friday.\n\n' +
      "The Committee's chairwoman, Ilse Brandt, praised the winners on Friday evening.";
    expect(affiliations(text, 'Ilse Brandt')).toEqual(["Committee's chairwoman @Committee"]);
  });

  it('gives a titled person with no country the country of the same title named without a name', () => {
    const text =
      'The Chilean special envoy to Peru said on Monday that talks would resume.\n\n' +
      'Special Envoy Rosa Ibarra spoke to reporters in Lima on Tuesday.';
    expect(affiliations(text, 'Rosa Ibarra')).toEqual(['Special Envoy @Chile']);
  });

  it('does not take the country of a bare title, nor of titles that disagree', () => {
    const bare =
      'The Chilean president said on Monday that talks would resume.\n\n' +
      'President Rosa Ibarra spoke to reporters in Lima on Tuesday.';
    expect(affiliations(bare, 'Rosa Ibarra')).toEqual(['President @-']);
    const two =
      'The Chilean special envoy arrived on Monday. The Peruvian special envoy came a day later.\n\n' +
      'Special Envoy Rosa Ibarra spoke to reporters in Lima on Tuesday.';
    expect(affiliations(two, 'Rosa Ibarra')).toEqual(['Special Envoy @-']);
  });
});
