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

/** The database server (DATABASE_URL) could not be reached, or stopped answering. */
export class StoreUnreachableError extends CodedError {
  override name = 'StoreUnreachableError';
  readonly code = ErrorCode.StoreUnreachable;
}

/**
 * A statement the database server refused. `sqlState` is PostgreSQL's code for why (23505: a unique
 * constraint, 23503: a foreign key, 23514: a check, 40P01: a deadlock).
 */
export class StoreQueryError extends CodedError {
  override name = 'StoreQueryError';
  readonly code = ErrorCode.StoreQuery;
  sqlState?: string;
  /** The constraint that refused the row, when one did. */
  constraint?: string;
}
