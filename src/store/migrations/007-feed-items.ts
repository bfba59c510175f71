import type { Migration } from './index.ts';

/** Each poll asks for the stored items of one feed, so that unchanged ones are not prepared again. */
export const feedItemsMigration: Migration = {
  name: '007-feed-items',
  up(db) {
    db.exec('CREATE INDEX articles_feed ON articles(feed_id) WHERE feed_id IS NOT NULL');
  },
};
