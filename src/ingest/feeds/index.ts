// The feeds contract (other areas call exactly these): subscriptions, polling, the scheduler.
export { pollFeeds } from './poll.ts';
export { startFeedPolling, type FeedPolling } from './scheduler.ts';
export { addFeed, type FeedHealth, listFeeds, removeFeed } from './subscriptions.ts';
