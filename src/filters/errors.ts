import { ErrorCode, UserError } from '../core/errors.ts';

/** A filter term the user can fix: a bad or unsupported pattern, too many or too long terms. */
export class FilterPatternError extends UserError {
  override name = 'FilterPatternError';
  override readonly code = ErrorCode.FilterPattern;
}
