import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { pollFeeds } from '../../../src/ingest/feeds/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { useTempDirs } from '../../support/temp.ts';
import { FeedServer, serve } from './feed-server.ts';

const story = (topic: string) =>
  `Officials from the port authority met shipping companies on Tuesday to discuss ${topic}, ` +
  'and said a decision on new fees would follow before the end of the month after a public consultation.';

/** Two items share one link (a feed that republished a story under a new guid) beside a third. */
const SHARED_LINK = `<?xml version="1.0"?><rss version="2.0"><channel><title>Port Wire</title>
<item><title>Port fees under review</title><link>https://port.example/fees</link><guid>fees-1</guid>
<description>${story('berth fees')}</description></item>
<item><title>Port fees under review (updated)</title><link>https://port.example/fees</link><guid>fees-2</guid>
<description>${story('berth fees and the night shift')}</description></item>
<item><title>Dredging contract awarded</title><link>https://port.example/dredging</link><guid>dredge-1</guid>
<description>${story('the dredging of the outer channel')}</description></item>
</channel></rss>`;

const tempDir = useTempDirs('newsdesk-poll-failures-');
let server: FeedServer;
beforeAll(async () => {
  server = await new FeedServer({ '/shared': serve(SHARED_LINK) }).start();
});
afterAll(() => server.stop());
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('a poll with items that fail', () => {
  it('stores the first of two items sharing a link once, and the other items of the feed all the same', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    stores.push(store);
    const config = loadConfig({
      ALLOW_PRIVATE_FEEDS: 'true',
      FETCH_FULL_TEXT: 'false',
      LOG_LEVEL: 'silent',
      FEEDS: server.url('/shared'),
    });
    const first = await pollFeeds(store, config, { force: true });
    expect(first).toMatchObject({ new: 2, duplicates: 1, failed: [], feeds: { polled: 1, failed: 0 } });
    expect(
      store.articles
        .list()
        .map((a) => a.title)
        .sort(),
    ).toEqual(['Dredging contract awarded', 'Port fees under review']);
    expect(store.feeds.list()[0]).toMatchObject({ consecutiveFailures: 0, lastError: null });

    // The next poll leaves the stored article as it is instead of writing each of the two in turn.
    const again = await pollFeeds(store, config, { force: true });
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 2, duplicates: 1, failed: [] });
  });
});
