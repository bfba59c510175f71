import { describe, expect, it } from 'vitest';
import {
  SlackNotInstalledError,
  SlackOrgInstallError,
  SlackStartError,
} from '../../src/adapters/slack/errors.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { CodedError, ErrorCode, UserError } from '../../src/core/errors.ts';
import { FilterPatternError } from '../../src/filters/index.ts';
import { BlockedAddressError } from '../../src/ingest/feeds/address-guard.ts';
import { FetchError } from '../../src/ingest/feeds/fetch-guarded.ts';
import { PageHandOffError } from '../../src/ingest/feeds/page-items.ts';
import { FeedDocumentError } from '../../src/ingest/feeds/parse-document.ts';
import { FeedParseError } from '../../src/ingest/feeds/parse-feed.ts';
import { BodyTooLargeError } from '../../src/ingest/feeds/read-body.ts';
import { ParseTimeoutError } from '../../src/ingest/feeds/worker-pool.ts';
import { KnowledgeIndexError } from '../../src/knowledge/errors.ts';
import { JobIncompleteError } from '../../src/queue/errors.ts';
import {
  NotAStoreError,
  StoreBusyError,
  StoreEmptyFileError,
  StoreQueryError,
  StoreUnreachableError,
} from '../../src/store/errors.ts';
import { TenantIdError } from '../../src/store/tenants.ts';
import { loadPrompts, PromptError } from '../../src/summarize/prompts.ts';

describe('error codes', () => {
  it('are the published codes, none renamed or reused', () => {
    // A contract: scripts and log searches match on these strings. Add new codes; never change these.
    expect(ErrorCode).toEqual({
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
    });
    expect(new Set(Object.values(ErrorCode)).size).toBe(Object.keys(ErrorCode).length);
  });

  it.each([
    [UserError, 'ERR_USER'],
    [ConfigError, 'ERR_CONFIG'],
    [PromptError, 'ERR_PROMPT'],
    [FetchError, 'ERR_FETCH'],
    [BlockedAddressError, 'ERR_BLOCKED_ADDRESS'],
    [BodyTooLargeError, 'ERR_BODY_TOO_LARGE'],
    [FeedParseError, 'ERR_FEED_PARSE'],
    [FeedDocumentError, 'ERR_FEED_DOCUMENT'],
    [ParseTimeoutError, 'ERR_PARSE_TIMEOUT'],
    [TenantIdError, 'ERR_TENANT_ID'],
    [KnowledgeIndexError, 'ERR_KNOWLEDGE_INDEX'],
    [StoreEmptyFileError, 'ERR_STORE_EMPTY_FILE'],
    [NotAStoreError, 'ERR_STORE_NOT_NEWSDESK'],
    [StoreBusyError, 'ERR_STORE_BUSY'],
    [StoreUnreachableError, 'ERR_STORE_UNREACHABLE'],
    [StoreQueryError, 'ERR_STORE_QUERY'],
    [SlackStartError, 'ERR_SLACK_START'],
    [FilterPatternError, 'ERR_FILTER_PATTERN'],
    [SlackNotInstalledError, 'ERR_SLACK_NOT_INSTALLED'],
    [SlackOrgInstallError, 'ERR_SLACK_ORG_INSTALL'],
    [JobIncompleteError, 'ERR_JOB_INCOMPLETE'],
    [PageHandOffError, 'ERR_PAGE_HAND_OFF'],
  ])('%o carries its code, its message, its name and the cause it wraps', (ErrorClass, code) => {
    const cause = new Error('underneath');
    const err = new ErrorClass('what went wrong', { cause });
    expect(err).toBeInstanceOf(CodedError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(code);
    expect(err.name).toBe(ErrorClass.name);
    expect(err.message).toBe('what went wrong');
    expect(err.cause).toBe(cause);
    expect(err.stack).toContain('what went wrong');
  });

  it('a config problem is thrown as a ConfigError with its code', () => {
    expect(() => loadConfig({ FEED_CONCURRENCY: 'many' })).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG', name: 'ConfigError' }),
    );
  });

  it('a missing prompt template keeps the file system error as its cause', () => {
    let thrown: unknown;
    try {
      loadPrompts('/nonexistent/newsdesk-prompts');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PromptError);
    expect((thrown as PromptError).code).toBe('ERR_PROMPT');
    expect((thrown as PromptError).cause).toMatchObject({ code: 'ENOENT' });
  });
});
