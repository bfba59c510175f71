import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateDatesFromSimilar } from '../../src/ingest/date-from-similar.ts';
import { saveArticles } from '../../src/ingest/save.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { openStore } from '../../src/store/index.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-similar-');
const raw = (name: string, text: string, date?: string): RawArticle => ({
  origin: `file:/c/${name}`,
  kind: 'file',
  path: `/c/${name}`,
  text,
  ...(date ? { published: { value: date, source: 'front-matter' as const } } : {}),
});

const dated = `Striking dockers at the northern harbour rejected the latest wage offer from the port operator on Monday.
The dockers union said the operator's offer of four percent fell far short of inflation, and the strike at the harbour
would continue. Grain exporters warned that ships were queuing outside the harbour and that silos were full.
The port operator said it would ask the labour ministry to appoint a mediator for the harbour dispute.`;
const undated = `The harbour strike entered its second week as dockers and the port operator traded accusations over wages.
Grain exporters said ships were still queuing outside the harbour, silos were full and the strike was costing millions.
The dockers union said it would accept a mediator appointed by the labour ministry but would not accept four percent.`;
const unrelated = `A late frost destroyed much of the apricot blossom in the southern valleys, farmers said, and the
agriculture office expects the smallest harvest in twenty years. Growers asked for emergency loans and cheaper water.`;

describe('estimateDatesFromSimilar', () => {
  it('lends an undated article the date of a closely similar dated one, flagged as an estimate', () => {
    const store = openStore(join(tempDir(), 'db'));
    const saved = saveArticles(
      store,
      [raw('a.txt', dated, '2024-09-02'), raw('b.txt', undated), raw('c.txt', unrelated)],
      {
        index: false,
      },
    );
    const [, b, c] = saved.articles.map((a) => a.id);
    expect(estimateDatesFromSimilar(store)).toEqual([b]);
    expect(store.articles.get(b!)).toMatchObject({
      published: '2024-09-02',
      publishedEstimated: true,
      dateSource: 'estimate-from-similar',
    });
    expect(store.articles.get(c!)).toMatchObject({ published: null, dateSource: 'unknown' });
    store.close();
  });
});
