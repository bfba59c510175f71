import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { PreparePool } from '../../src/ingest/prepare-pool.ts';
import type { RawArticle } from '../../src/ingest/types.ts';

const raw = (i: number): RawArticle => ({
  origin: `file:/c/${i}.txt`,
  kind: 'file',
  path: `/c/${i}.txt`,
  fileHash: `h${i}`,
  text: `Headline number ${i}\n\nListen to the article\n\nThe committee met on 4 March 2024 for session ${i} and agreed a budget for the harbour, the bridges and the new tram line after a long debate.`,
});

describe('PreparePool', () => {
  it('prepares in worker threads exactly what the main thread would', async () => {
    const pool = new PreparePool(2);
    try {
      const raws = Array.from({ length: 30 }, (_, i) => raw(i));
      const [a, b] = await Promise.all([pool.prepare(raws.slice(0, 15)), pool.prepare(raws.slice(15))]);
      expect([...a, ...b]).toEqual(raws.map(prepareArticle));
      expect(a[0]).toMatchObject({
        title: 'Headline number 0',
        published: '2024-03-04',
        publishedEstimated: true,
      });
    } finally {
      await pool.close();
    }
  });

  it('reports an input that cannot be cleaned instead of failing the batch', async () => {
    const pool = new PreparePool(1);
    try {
      const bad = { ...raw(1), text: 42 as unknown as string };
      const [ok, failed] = await pool.prepare([raw(0), bad]);
      expect(ok).toMatchObject({ title: 'Headline number 0' });
      expect(failed).toMatchObject({ error: expect.stringMatching(/could not clean/) });
    } finally {
      await pool.close();
    }
  });
});
