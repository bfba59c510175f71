import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../log.ts';

/** A Slack token's kind: xoxb- (bot), xoxp- (user), xoxe- (refresh), xoxe.xoxb- (rotating), xapp- (app-level). */
const TOKEN_KIND = String.raw`(?:xox[a-z](?:\.xox[a-z])?|xapp)`;
/** The rest of the token: dash-separated letters and digits. */
const TOKEN_BODY = '-[A-Za-z0-9-]+';
const SLACK_TOKEN = new RegExp(`${TOKEN_KIND}${TOKEN_BODY}`, 'g');

const REDACTED = '[redacted]';

/**
 * Bolt's log lines through our pino logger (stderr). Bolt and its Web API client write strings, out
 * of reach of pino's key-based redaction, and at debug level they include request bodies (the OAuth
 * exchange carries the client secret): every Slack token, and each of `secrets`, is cut out of the line.
 */
export function boltLogger(log: Logger, secrets: (string | undefined)[] = []): BoltLogger {
  const child = log.child({ component: 'slack' });
  const known = secrets.filter((s): s is string => Boolean(s));
  let level = LogLevel.INFO;
  const scrub = (text: string) =>
    known.reduce((out, secret) => out.split(secret).join(REDACTED), text).replace(SLACK_TOKEN, REDACTED);
  const line = (parts: unknown[]) =>
    scrub(
      parts
        .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
        .join(' '),
    );
  return {
    debug: (...m) => child.debug(line(m)),
    info: (...m) => child.info(line(m)),
    warn: (...m) => child.warn(line(m)),
    error: (...m) => child.error(line(m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
