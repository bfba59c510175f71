import { expect, it } from 'vitest';
import { saveArticles } from '../../src/ingest/save.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-near-');

const harbour = [
  'Dock workers at the northern harbour walked out on Monday after talks over night shifts broke down, leaving dozens of container ships waiting at anchor outside the port.',
  'The union said its members had worked without a contract since the spring and accused the port authority of cutting rest breaks to clear a backlog of cargo.',
  'Shipping companies warned that supermarkets could run short of fresh fruit within a week if the strike went on, and some began to send vessels to other ports.',
].join('\n\n');

const schools = [
  'The city council voted late on Wednesday to close four primary schools at the end of the year, merging their pupils into two larger buildings on the edge of town.',
  'Parents who packed the public gallery booed as the result was read out, and several said their children would now face a bus journey of nearly an hour each way.',
  'Council officials said falling birth rates had left a third of classroom places empty and that the savings would pay for repairs to roofs and heating elsewhere.',
].join('\n\n');

/** A near copy, as another outlet re-publishes a story: its first sentence edited. */
const nearCopy = (text: string) => text.replace(' on ', ' late on ');

const item = (slug: string, text: string): RawArticle => ({
  origin: `url:https://news.example/${slug}`,
  kind: 'feed',
  url: `https://news.example/${slug}`,
  title: slug,
  published: { value: 'Mon, 04 Mar 2024 10:00:00 GMT', source: 'feed' },
  text,
  fileHash: `${slug}:${text.length}`,
});

const save = (store: Store, raw: RawArticle) => {
  const saved = saveArticles(store, [raw], { index: false });
  return { ...saved, stored: store.articles.get(saved.articles[0]!.id)! };
};

describeOnEngines('the near-duplicate index a store object keeps', (engine) => {
  /** Two processes on one store: each its own store object, so each its own index. */
  const onTwoProcesses = (test: (a: Store, b: Store) => void) => () => {
    const target = engine.target(tempDir());
    const [a, b] = [openStore(target), openStore(target)];
    try {
      test(a, b);
    } finally {
      a.close();
      b.close();
    }
  };

  it(
    'finds the near copy of an article another process stored after the index was built',
    onTwoProcesses((a, b) => {
      save(a, item('schools', schools));
      const original = save(b, item('harbour', harbour)).stored;
      const copy = save(a, item('harbour-copy', nearCopy(harbour)));
      expect(copy).toMatchObject({ duplicates: 1, new: 0 });
      expect(copy.stored.duplicateOf).toBe(original.id);
    }),
  );

  it(
    'follows what another process changed: the new text is found, the old one no more',
    onTwoProcesses((a, b) => {
      const original = save(a, item('story', harbour)).stored;
      // The outlet rewrote the story under the same link; the other process stored the change.
      expect(save(b, item('story', schools))).toMatchObject({ updated: 1 });
      const oldCopy = save(a, item('harbour-copy', nearCopy(harbour)));
      expect(oldCopy).toMatchObject({ new: 1, duplicates: 0 });
      const newCopy = save(a, item('schools-copy', nearCopy(schools)));
      expect(newCopy).toMatchObject({ duplicates: 1 });
      expect(newCopy.stored.duplicateOf).toBe(original.id);
    }),
  );

  it(
    'drops an article another process marked removed',
    onTwoProcesses((a, b) => {
      const file: RawArticle = { ...item('file', harbour), origin: 'file:/corpus/harbour.md', kind: 'file' };
      save(a, { ...file, url: undefined, path: '/corpus/harbour.md' });
      expect(b.articles.markMissingFilesRemoved('/corpus/', new Set())).toHaveLength(1);
      const copy = save(a, item('harbour-copy', nearCopy(harbour)));
      expect(copy).toMatchObject({ new: 1, duplicates: 0 });
      expect(copy.stored.duplicateOf).toBeNull();
    }),
  );
});
