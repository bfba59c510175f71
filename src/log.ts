import pino, { type Logger } from 'pino';
import { followLogLevel } from './log-level.ts';

export type { Logger };

// Any key that may carry a secret is censored wherever it appears in a log object.
const REDACT = [
  'token',
  'apiKey',
  'authorization',
  'password',
  'secret',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.password',
  '*.secret',
  'headers.authorization',
  '*.headers.authorization',
  'config.DISCORD_TOKEN',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'config.OPENAI_API_KEY',
];

export function createLogger(level = 'info'): Logger {
  const pretty = process.stderr.isTTY;
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: undefined,
    },
    pretty
      ? pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true, ignore: 'time' } })
      : pino.destination(2),
  );
}

/** The process-wide logger (stderr, so that stdout stays clean for --json output); entry points set its level from config. */
export const log: Logger = createLogger();
followLogLevel(log);
