import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeeds } from '../../../src/ingest/feeds/index.ts';
import { openStore } from '../../../src/store/index.ts';
import { FeedHosts } from '../../support/host-load.ts';
import { useTempDirs } from '../../support/temp.ts';

const tempDir = useTempDirs('newsdesk-host-limit-');
const PER_HOST = 2;

let hosts: FeedHosts;
beforeAll(async () => {
  hosts = await new FeedHosts(2, 6, PER_HOST).start();
});
afterAll(() => hosts.stop());

describe('requests per host (one process)', () => {
  it('keeps each host within FEED_HOST_CONCURRENCY while other hosts are fetched beside it', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    const config = hosts.config(PER_HOST);
    const report = await pollFeeds(store, config, { force: true });
    store.close();
    expect(report.failed).toEqual([]);
    expect(report.feeds.polled).toBe(12);
    expect(hosts.requests()).toBe(12);
    expect(hosts.peak).toEqual([PER_HOST, PER_HOST]);
    // The limit is per host: both hosts were answering their two at the same time.
    expect(hosts.peakOverall).toBe(2 * PER_HOST);
  });
});
