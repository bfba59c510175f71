import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { saveArticles } from '../../src/ingest/save.ts';
import { createLogger } from '../../src/log.ts';
import { notifyChannels } from '../../src/notify/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { FakeChannel, type PostedMessage } from '../support/digest-fixtures.ts';
import { describeOnEngines } from '../support/store-engines.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs('newsdesk-notify-scope-');
const config = loadConfig({});
const log = createLogger('silent');

const story = (feedId: number, n: number) => ({
  origin: `url:https://feed${feedId}.example/${n}`,
  kind: 'feed' as const,
  feedId,
  url: `https://feed${feedId}.example/${n}`,
  title: `Story ${n} of feed ${feedId}`,
  published: { value: 'Mon, 04 Mar 2024 10:00:00 GMT', source: 'feed' as const },
  text: `Story number ${n} from feed ${feedId}: the river authority opened the flood gates at dawn after a week of rain, and the towns downstream moved cars and livestock to higher ground while volunteers filled sandbags through the night.`,
  fileHash: `${feedId}:${n}`,
});

describeOnEngines('item posts after a poll, for the tenants following the feeds polled', (engine) => {
  /** Two servers, each following its own feed item by item into its own channel. */
  function twoServers(store: Store) {
    const feeds = [
      store.feeds.add('https://feed-a.example/rss', 'A'),
      store.feeds.add('https://feed-b.example/rss', 'B'),
    ];
    const tenants = ['discord:1001', 'discord:1002'];
    feeds.forEach((feed, i) => {
      const sub = store.subscriptions.add(tenants[i]!, feed.id, {
        channel: `C${i}`,
        mode: 'items',
        origin: 'store',
      });
      store.itemPosts.follow(tenants[i]!, sub.id, sub.mode);
    });
    return { feedIds: feeds.map((f) => f.id), tenants };
  }

  it('visits only the followers of the polled feeds; a failed send waits for the next poll of its feed', async () => {
    const store = openStore(engine.target(tempDir()));
    try {
      const { feedIds, tenants } = twoServers(store);
      const [a, b] = feedIds as [number, number];
      expect(store.tenants.following([a]).map((t) => t.id)).toEqual([tenants[0]]);
      expect(store.tenants.following([a, b]).map((t) => t.id)).toEqual(tenants);
      saveArticles(store, [story(a, 1), story(b, 1)], { index: false });
      const posted: PostedMessage[] = [];
      const channels = new Map(['C0', 'C1'].map((c) => [c, new FakeChannel('discord', c, posted)]));
      channels.get('C0')!.failuresBeforeSuccess = 1;
      const notify = (feeds?: number[]) =>
        notifyChannels(store, config, {
          targets: (_tenant, channel) => channels.get(channel),
          log,
          now: () => new Date(),
          feeds,
        });

      // Feed B polled: B's follower gets its article; A's follower is not looked at.
      expect(await notify([b])).toMatchObject({ items: { messages: 1, failed: 0 } });
      expect(posted.map((p) => p.channel)).toEqual(['C1']);
      // Feed A polled: its follower's send fails, and is sent at A's next poll (nothing new in it).
      expect(await notify([a])).toMatchObject({ items: { messages: 0, failed: 1 } });
      expect(await notify([b])).toMatchObject({ items: { messages: 0, failed: 0 } });
      expect(await notify([a])).toMatchObject({ items: { messages: 1, failed: 0 } });
      expect(posted.map((p) => p.channel)).toEqual(['C1', 'C0']);
      // Without feeds, every tenant: nothing is left to post, and nothing is posted twice.
      expect(await notify()).toMatchObject({ items: { messages: 0 } });
      expect(posted).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});
