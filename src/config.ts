import 'dotenv/config';
import { z } from 'zod';
import { ConfigError } from './core/errors.ts';
import { DEFAULT_DB, FALSE_WORDS, LOG_LEVELS, TRUE_WORDS } from './store-settings.ts';

export { ConfigError };

const MB = 1024 * 1024;

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

const schema = z
  .object({
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    NEWSDESK_DB: z.string().min(1).default(DEFAULT_DB),

    CORPUS_DIR: z.string().min(1).default('./corpus'),
    MAX_FILE_BYTES: int(5 * MB, 1),

    FEEDS: list,
    FEED_POLL_CRON: z.string().default('*/15 * * * *'),
    FEED_TIMEOUT_MS: int(15_000, 100),
    FEED_MAX_BYTES: int(5 * MB, 1024),
    FEED_CONCURRENCY: int(4, 1),
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

    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: optionalUrl,
    SLACK_ADMIN_USER_IDS: list,
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
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: env.DIGEST_TZ });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['DIGEST_TZ'], message: 'not an IANA time zone' });
    }
  });

export type Config = z.output<typeof schema>;

/** The only reader of process.env. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${String(issue.path[0] ?? 'config')}: ${issue.message}`);
  throw new ConfigError(lines.join('\n'));
}

export const llmConfigured = (config: Config): boolean =>
  Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
