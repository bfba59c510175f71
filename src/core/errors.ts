/** A mistake the user can fix (unknown name, bad URL, bad option): its message is shown as is. */
export class UserError extends Error {
  override name = 'UserError';
}

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
