import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveArticles } from '../../src/ingest/save.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-save-failures-');

const item = (origin: string, topic: string, text: string): RawArticle => ({
  origin,
  kind: 'feed',
  url: origin.replace(/^url:/, ''),
  title: `Council debates ${topic}`,
  text,
});

describe('saveArticles when the store refuses one article', () => {
  it('reports that article under failed and stores the rest of the batch', () => {
    const store = openStore(join(tempDir(), 'store.db'));
    // The second input repeats the first one's origin, which the store keeps unique.
    const batch = [
      item(
        'url:https://city.example/a',
        'the tram line',
        'Members from every district asked for the tram vote to wait until the budget office costs the route.',
      ),
      item(
        'url:https://city.example/a',
        'the harbour bridge',
        'Engineers told the council the old bridge over the harbour needs new cables within three winters.',
      ),
      item(
        'url:https://city.example/b',
        'the school meals contract',
        'A caterer from the north of the region won the school meals contract with the lowest bid of five.',
      ),
    ];
    const result = saveArticles(store, batch, { index: false });
    expect(result).toMatchObject({ new: 2, duplicates: 0 });
    expect(result.failed).toEqual([
      { path: 'https://city.example/a', error: expect.stringMatching(/UNIQUE constraint failed/) },
    ]);
    expect(
      store.articles
        .list()
        .map((a) => a.title)
        .sort(),
    ).toEqual(['Council debates the school meals contract', 'Council debates the tram line']);
    store.close();
  });
});
