import 'dotenv/config';
import { z } from 'zod';
import { ConfigError } from './core/errors.ts';
import {
  DEFAULT_DB,
  FALSE_WORDS,
  LOG_LEVELS,
  POSTGRES_URL,
  POSTGRES_URL_PROBLEM,
  TRUE_WORDS,
} from './store-settings.ts';

export { ConfigError };

const MB = 1024 * 1024;
/** POST_TIMEOUT_MS when unset (and the job timeout is long enough). */
const DEFAULT_POST_TIMEOUT_MS = 30_000;

const bool = (fallback: boolean) =>
  z
    .enum([...TRUE_WORDS, ...FALSE_WORDS], { error: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : (TRUE_WORDS as readonly string[]).includes(v)));

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).optional().default(fallback);

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
  .pipe(z.url({ error: 'expected an http(s) URL' }).optional());

export const DEFAULT_TOPIC =
  'diplomacy, negotiations, international relations and the conflicts they address';

const SLACK_OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
/** The state secret signs the install flow's state (CSRF protection): a short one can be guessed. */
const MIN_STATE_SECRET = 16;

type SlackEnv = Partial<Record<(typeof SLACK_OAUTH)[number], string>> & {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  DIGEST_SLACK_CHANNELS: string[];
};

/** OAuth mode: all three variables or none, over HTTP, and not beside one workspace's own token. */
function checkSlackOAuth(env: SlackEnv, ctx: z.RefinementCtx): void {
  const given = SLACK_OAUTH.filter((name) => env[name]);
  if (!given.length) return;
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  for (const name of SLACK_OAUTH.filter((n) => !env[n]))
    problem(name, `required with ${given.join(' and ')} (OAuth mode needs all three)`);
  if ((env.SLACK_STATE_SECRET?.length ?? MIN_STATE_SECRET) < MIN_STATE_SECRET)
    problem('SLACK_STATE_SECRET', `at least ${MIN_STATE_SECRET} characters (e.g. openssl rand -hex 32)`);
  if (!env.SLACK_SIGNING_SECRET) problem('SLACK_SIGNING_SECRET', 'required in OAuth mode (SLACK_CLIENT_ID)');
  if (env.SLACK_BOT_TOKEN)
    problem('SLACK_BOT_TOKEN', 'leave it empty in OAuth mode: each workspace gets its token by installing');
  if (env.SLACK_APP_TOKEN)
    problem(
      'SLACK_APP_TOKEN',
      'leave it empty in OAuth mode: the install flow and requests are served over HTTP',
    );
  if (env.DIGEST_SLACK_CHANNELS.length)
    problem('DIGEST_SLACK_CHANNELS', "not used in OAuth mode: no workspace is the operator's");
}

const schema = z
  .object({
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    NEWSDESK_DB: z.string().min(1).default(DEFAULT_DB),
    /** A PostgreSQL store instead of the SQLite file (e.g. postgres://newsdesk:…@db.example:5432/newsdesk). */
    DATABASE_URL: optionalText.pipe(
      z.string().regex(POSTGRES_URL, { error: POSTGRES_URL_PROBLEM }).optional(),
    ),
    /** How long a queued job may run before pg-boss gives it to another worker (a killed worker's job). */
    QUEUE_JOB_TIMEOUT_SECONDS: int(900, 2, 86_400),
    /**
     * How long posting one digest to a channel may take (its requests to Discord or Slack together)
     * before it is given up and retried: shorter than QUEUE_JOB_TIMEOUT_SECONDS (checked below).
     * Unset: 30 s, or half the job timeout when that is shorter.
     */
    POST_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),

    CORPUS_DIR: z.string().min(1).default('./corpus'),
    MAX_FILE_BYTES: int(5 * MB, 1),

    FEEDS: list,
    FEED_POLL_CRON: z.string().default('*/15 * * * *'),
    FEED_TIMEOUT_MS: int(15_000, 100),
    FEED_MAX_BYTES: int(5 * MB, 1024),
    FEED_CONCURRENCY: int(4, 1),
    /** Requests at once to one host (host:port); with DATABASE_URL across every worker. */
    FEED_HOST_CONCURRENCY: int(2, 1, 64),
    ALLOW_PRIVATE_FEEDS: bool(false),
    FETCH_FULL_TEXT: bool(true),
    /** Servers and workspaces see the operator's corpus and FEEDS besides their own feeds. */
    SHARED_SOURCES: bool(true),
    /** Item posts (mode:items): messages a minute per channel, an "and N more" fold counting as one. */
    ITEM_POSTS_PER_MINUTE: int(5, 1, 60),
    /** Item posts: articles one poll covers per channel (posted or folded); the rest wait for the next. */
    ITEM_POSTS_PER_POLL: int(20, 1, 100),
    /** Failed polls in a row after which a feed's channels are told it is failing. */
    FEED_HEALTH_FAILURES: int(3, 1, 100),

    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalUrl,
    LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: int(30_000, 100),
    LLM_MAX_INPUT_TOKENS: int(6000, 256),

    DIGEST_TOPIC: z.string().min(1).default(DEFAULT_TOPIC),
    DIGEST_CRON: z.string().default('0 8 * * *'),
    DIGEST_TZ: z.string().default('UTC'),
    DIGEST_DISCORD_CHANNEL_IDS: list,
    DIGEST_SLACK_CHANNELS: list,

    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText,
    DISCORD_GUILD_ID: optionalText,
    DISCORD_API_URL: optionalUrl,
    /** Interactions over HTTP (Interactions Endpoint URL) instead of the gateway: the application's public key. */
    DISCORD_PUBLIC_KEY: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, {
          error:
            "expected the application's public key: 64 hex characters (Developer Portal, General Information)",
        })
        .optional(),
    ),
    DISCORD_INTERACTIONS_PORT: int(3001, 0, 65_535),
    DISCORD_INTERACTIONS_PATH: z
      .string()
      .regex(/^\/[\w\-./~]*$/, { error: 'expected a URL path starting with / (e.g. /interactions)' })
      .default('/interactions'),

    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: optionalUrl,
    SLACK_ADMIN_USER_IDS: list,
    /** OAuth mode (all three or none): any number of workspaces install the app, each with its own token. */
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    PORT: int(3000, 0),
  })
  .superRefine((env, ctx) => {
    const need = (on: boolean, name: keyof typeof env, why: string) => {
      if (on && !env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required ${why}` });
    };
    need(Boolean(env.DISCORD_TOKEN), 'DISCORD_APPLICATION_ID', 'when DISCORD_TOKEN is set');
    need(
      Boolean(env.SLACK_BOT_TOKEN) && !env.SLACK_APP_TOKEN,
      'SLACK_SIGNING_SECRET',
      'when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (HTTP mode)',
    );
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'required when SLACK_APP_TOKEN is set',
      });
    }
    checkSlackOAuth(env, ctx);
    if (env.POST_TIMEOUT_MS !== undefined && env.POST_TIMEOUT_MS >= env.QUEUE_JOB_TIMEOUT_SECONDS * 1000)
      ctx.addIssue({
        code: 'custom',
        path: ['POST_TIMEOUT_MS'],
        message: `must be shorter than QUEUE_JOB_TIMEOUT_SECONDS (${env.QUEUE_JOB_TIMEOUT_SECONDS} s): a digest post still in flight when its job goes to another worker must have landed or failed before that worker looks for it`,
      });
    const slackHttp = Boolean((env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN) || env.SLACK_CLIENT_ID);
    if (env.DISCORD_PUBLIC_KEY && slackHttp && env.DISCORD_INTERACTIONS_PORT === env.PORT && env.PORT !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_INTERACTIONS_PORT'],
        message: `must differ from PORT (${env.PORT}), where Slack's HTTP server listens`,
      });
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: env.DIGEST_TZ });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['DIGEST_TZ'], message: 'not an IANA time zone' });
    }
  })
  .transform((env) => ({
    ...env,
    POST_TIMEOUT_MS:
      env.POST_TIMEOUT_MS ?? Math.min(DEFAULT_POST_TIMEOUT_MS, (env.QUEUE_JOB_TIMEOUT_SECONDS * 1000) / 2),
  }));

export type Config = z.output<typeof schema>;

/** The only reader of process.env. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `NAME=` (how .env.example leaves what is optional) means "not set": its default, not an empty value.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${String(issue.path[0] ?? 'config')}: ${issue.message}`);
  throw new ConfigError(lines.join('\n'));
}

/** Slack is on: one workspace's SLACK_BOT_TOKEN, or OAuth mode (SLACK_CLIENT_ID and its two companions). */
export const slackConfigured = (config: Config): boolean =>
  Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID);

export const llmConfigured = (config: Config): boolean =>
  Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
