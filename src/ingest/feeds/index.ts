// The feeds contract (other areas call exactly these): subscriptions, polling, the scheduler.

export { addFeed, type FollowedFeed, type FollowOptions } from './follow.ts';
export { type PollReport, pollFeeds } from './poll.ts';
export { type FeedPolling, startFeedPolling } from './scheduler.ts';
export { type FeedHealth, listFeeds, removeFeed } from './subscriptions.ts';
