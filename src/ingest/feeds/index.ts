// The feeds contract (other areas call exactly these): subscriptions, polling, the scheduler.
export { pollFeeds } from './poll.ts';
export { type FeedPolling, startFeedPolling } from './scheduler.ts';
export { addFeed, type FeedHealth, listFeeds, removeFeed } from './subscriptions.ts';
