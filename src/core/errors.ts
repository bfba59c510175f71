/**
 * Every failure newsdesk names, one stable code each. The codes are a contract (scripts and log
 * searches match on them): never rename or reuse one; test/core/errors.test.ts pins the list.
 */
export const ErrorCode = {
  User: 'ERR_USER',
  Config: 'ERR_CONFIG',
  Prompt: 'ERR_PROMPT',
  Fetch: 'ERR_FETCH',
  BlockedAddress: 'ERR_BLOCKED_ADDRESS',
  BodyTooLarge: 'ERR_BODY_TOO_LARGE',
  FeedParse: 'ERR_FEED_PARSE',
  FeedDocument: 'ERR_FEED_DOCUMENT',
  ParseTimeout: 'ERR_PARSE_TIMEOUT',
  TenantId: 'ERR_TENANT_ID',
  KnowledgeIndex: 'ERR_KNOWLEDGE_INDEX',
  StoreEmptyFile: 'ERR_STORE_EMPTY_FILE',
  NotAStore: 'ERR_STORE_NOT_NEWSDESK',
  StoreBusy: 'ERR_STORE_BUSY',
  StoreUnreachable: 'ERR_STORE_UNREACHABLE',
  StoreQuery: 'ERR_STORE_QUERY',
  SlackStart: 'ERR_SLACK_START',
  FilterPattern: 'ERR_FILTER_PATTERN',
  SlackNotInstalled: 'ERR_SLACK_NOT_INSTALLED',
  SlackOrgInstall: 'ERR_SLACK_ORG_INSTALL',
  JobIncomplete: 'ERR_JOB_INCOMPLETE',
  PageHandOff: 'ERR_PAGE_HAND_OFF',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The base of our own errors: a stable `code`, a message, and the `cause` it wraps (standard
 * ErrorOptions), so a log of the error shows where it came from. Subclasses fix the code.
 */
export abstract class CodedError extends Error {
  abstract readonly code: ErrorCode;
}

/** A mistake the user can fix (unknown name, bad URL, bad option): its message is shown as is. */
export class UserError extends CodedError {
  override name = 'UserError';
  // Widened so that a kind of user error (e.g. a bad filter pattern) can carry its own code.
  readonly code: ErrorCode = ErrorCode.User;
}

/** A configuration problem: the message names every bad variable, one per line. */
export class ConfigError extends CodedError {
  override name = 'ConfigError';
  readonly code = ErrorCode.Config;
}

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
