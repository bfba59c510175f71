/**
 * The level the entry point chose, kept apart from the logger so that setting it does not load pino:
 * a CLI query that never logs does not pay for the logger, and one that does logs at this level.
 */
let chosen: string | undefined;
const following = new Set<{ level: string }>();

export function setLogLevel(level: string): void {
  chosen = level;
  for (const logger of following) logger.level = level;
}

/** The logger takes the chosen level now and whenever it changes. */
export function followLogLevel(logger: { level: string }): void {
  following.add(logger);
  if (chosen) logger.level = chosen;
}
