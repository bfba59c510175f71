import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { parseCorpusFile } from '../../src/ingest/readers/parse.ts';

// The development set of real pages (read at run time, never copied): what the cleaner keeps and cuts.
const DEVSET = resolve(import.meta.dirname, '../../../shared/devset');
const hasDevset = existsSync(DEVSET);
if (!hasDevset) console.log(`cleaner dev-set test: ${DEVSET} is absent; skipped`);

const articles = () =>
  hasDevset
    ? ['a', 'b'].flatMap((part) => {
        const dir = join(DEVSET, part, 'corpus');
        const gold = JSON.parse(readFileSync(join(DEVSET, part, 'gold.json'), 'utf8')) as {
          noise_regex: string;
        };
        return readdirSync(dir).flatMap((file) =>
          parseCorpusFile(join(dir, file), readFileSync(join(dir, file), 'utf8'), 'h').map((raw) => ({
            file,
            article: prepareArticle(raw),
            noise: new RegExp(gold.noise_regex, 'i'),
          })),
        );
      })
    : [];

describe.skipIf(!hasDevset)('the cleaner on the 40 real pages of the development set', () => {
  it('never cuts a body paragraph as "from another story"', () => {
    const cut = articles().flatMap(({ file, article }) =>
      article.removed
        .filter((r) => r.reason === 'paragraph from another story')
        .map((r) => `${file}: ${r.text.slice(0, 80)}`),
    );
    expect(cut).toEqual([]);
  });

  it('leaves no furniture words in the kept text', () => {
    const left = articles().flatMap(({ file, article, noise }) =>
      article.text
        .split('\n\n')
        .filter((p) => noise.test(p))
        .map((p) => `${file}: ${p.slice(0, 100)}`),
    );
    expect(left).toEqual([]);
  });
});
