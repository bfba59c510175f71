import { CodedError, ErrorCode } from '../core/errors.ts';

/** The file exists but is empty: a truncated or stray file, never taken as a new store. */
export class StoreEmptyFileError extends CodedError {
  override name = 'StoreEmptyFileError';
  readonly code = ErrorCode.StoreEmptyFile;
}

/** The file is not SQLite, or is a SQLite database of some other program. */
export class NotAStoreError extends CodedError {
  override name = 'NotAStoreError';
  readonly code = ErrorCode.NotAStore;
}

/** Another process kept the store locked for longer than every retry waited. */
export class StoreBusyError extends CodedError {
  override name = 'StoreBusyError';
  readonly code = ErrorCode.StoreBusy;
}
