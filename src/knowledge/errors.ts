import { CodedError, ErrorCode } from '../core/errors.ts';

/**
 * One article's knowledge could not be indexed: the article stays stored, goes under `failed` in the
 * ingest report, and is indexed again on the next run; the rest of its batch goes on.
 */
export class KnowledgeIndexError extends CodedError {
  override name = 'KnowledgeIndexError';
  readonly code = ErrorCode.KnowledgeIndex;
}
