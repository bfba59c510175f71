import { UserError } from '../../core/errors.ts';

/** A subscription URL in one spelling (so one feed is not subscribed twice); a UserError when it is not http(s). */
export function normalizeFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UserError(`not a valid URL: ${input.trim() || '(empty)'}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`feeds must be http or https URLs, not ${url.protocol}`);
  }
  url.hash = '';
  return url.href;
}
