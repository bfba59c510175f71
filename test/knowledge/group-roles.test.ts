import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/knowledge/analyze.ts';

describe('"the group\'s" in a role', () => {
  const affiliationOf = (text: string, name: string) =>
    analyseArticle({ text, published: '2024-06-12', publishedEstimated: false })
      .actors.find((a) => a.name === name)
      ?.roles.map((r) => r.affiliation);

  it('points at the group the article names before, or just after', () => {
    expect(
      affiliationOf(
        'The Harbour Front said its fighters had left the port. The order came from Ilse Karsten, head of the group’s Military Council.',
        'Ilse Karsten',
      ),
    ).toEqual(['Harbour Front']);
    expect(
      affiliationOf(
        'The order came from Ilse Karsten, head of the group’s Military Council. According to the Harbour Front, the port is empty.',
        'Ilse Karsten',
      ),
    ).toEqual(['Harbour Front']);
  });
});
