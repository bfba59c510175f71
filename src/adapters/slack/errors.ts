import { CodedError, ErrorCode } from '../../core/errors.ts';

/** The Slack app could not start: a rejected token, an unreachable Slack, a port in use. */
export class SlackStartError extends CodedError {
  override name = 'SlackStartError';
  readonly code = ErrorCode.SlackStart;
}
