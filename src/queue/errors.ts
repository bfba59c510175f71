import { CodedError, ErrorCode } from '../core/errors.ts';

/** A job that did not get all its work done (a delivery failed): pg-boss retries it later. */
export class JobIncompleteError extends CodedError {
  override name = 'JobIncompleteError';
  readonly code = ErrorCode.JobIncomplete;
}
