/** Where Bolt's HTTP receiver serves Slack: requests, and (OAuth mode) the install flow. */
export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
} as const;
