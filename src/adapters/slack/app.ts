import { App, ErrorCode as BoltErrorCode, type LogLevel, type RespondFn } from '@slack/bolt';
import { commands as allCommands } from '../../../commands/index.ts';
import type { Config } from '../../config.ts';
import type { CommandContext, CommandDefinition, RunArgs } from '../../core/command.ts';
import { errorMessage, UserError } from '../../core/errors.ts';
import { type Reply, shortReply } from '../../core/reply.ts';
import { runCommand } from '../../core/run-command.ts';
import { slackTenant } from '../../core/tenant.ts';
import type { DeliveryTarget } from '../../digest/target.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { SlackStartError } from './errors.ts';
import { SlackInstallations } from './installations.ts';
import { boltLogger } from './logger.ts';
import { decodeMoreValue, MORE_ACTION_ID } from './more-value.ts';
import { forgetOnUninstall, oauthOptions } from './oauth.ts';
import { parseSlackText } from './parse.ts';
import { SLACK_PATHS } from './paths.ts';
import { renderSlack } from './render.ts';
import { tokenSource, webApiOptions } from './rest-bot.ts';
import { slackDigestTarget } from './target.ts';

/** What Slack said (`invalid_auth`, `account_inactive`), else what went wrong on the way. */
function slackFailure(err: unknown): string {
  const said = (err as { data?: { error?: unknown } })?.data?.error;
  if (typeof said === 'string')
    return `Slack refused the token (${said}): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN`;
  return errorMessage(err);
}

const BROKEN_BUTTON =
  'This button cannot be read any more: run the command again to page through its answer.';

export interface SlackBotOptions {
  config: Config;
  store: Store;
  log: Logger;
  commands?: CommandDefinition[];
  /** Web API retries (Bolt's default retries for about 30 minutes; tests use 0). */
  webApiRetries?: number;
  now?: () => Date;
}

export interface SlackBot {
  app: App;
  /** The HTTP port listened on (HTTP mode), else undefined. */
  port: number | undefined;
  stop(): Promise<void>;
  /**
   * A channel as a delivery destination; `teamId` names its workspace. In OAuth mode the messages
   * go out with that workspace's own token, looked up at each send (none: the send fails).
   */
  digestTarget(channel: string, teamId?: string): DeliveryTarget;
}

async function sendReply(respond: RespondFn, reply: Reply, inChannel: boolean): Promise<void> {
  for (const message of renderSlack(reply)) {
    await respond({
      response_type: inChannel ? 'in_channel' : 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
      ...(inChannel ? { unfurl_links: false, unfurl_media: false } : {}),
    });
  }
}

/**
 * The Slack app: Socket Mode when SLACK_APP_TOKEN is set, else Bolt's HTTP receiver on PORT at
 * /slack/events (signatures verified by Bolt). One slash command per command definition. With
 * SLACK_CLIENT_ID (OAuth mode) any number of workspaces install it, each a tenant with its own token.
 */
export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config, store, log } = options;
  const commands = options.commands ?? allCommands;
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const webApi = webApiOptions(config, options.webApiRetries);
  const installations = config.SLACK_CLIENT_ID ? new SlackInstallations(store, log) : undefined;
  const secrets = [
    config.SLACK_BOT_TOKEN,
    config.SLACK_APP_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_CLIENT_SECRET,
    config.SLACK_STATE_SECRET,
  ];
  const app = new App({
    ...(installations
      ? oauthOptions(config, installations, log, webApi)
      : {
          token: config.SLACK_BOT_TOKEN,
          // Socket Mode opens its connection through its own Web API client: it needs the same base URL.
          installerOptions: { clientOptions: webApi },
        }),
    ...(socketMode
      ? { socketMode: true, appToken: config.SLACK_APP_TOKEN }
      : { signingSecret: config.SLACK_SIGNING_SECRET, port: config.PORT }),
    logger: boltLogger(log, secrets),
    logLevel: 'info' as LogLevel,
    clientOptions: webApi,
    // Bolt would check the token from its constructor, where a rejection is nobody's to catch (HTTP
    // mode then logged an unhandled rejection and served on); init() below checks it where start-up
    // can stop on it.
    deferInitialization: true,
  });
  const now = options.now ?? (() => new Date());
  // The operator's list, and in OAuth mode whoever installed newsdesk in the workspace.
  const isAdmin = (teamId: string | undefined, userId: string) =>
    config.SLACK_ADMIN_USER_IDS.includes(userId) ||
    Boolean(teamId && installations?.installedBy(teamId) === userId);
  // Each workspace (team) is a tenant: its feeds, digests and settings are its own.
  const context = (teamId: string | undefined, userId: string): CommandContext => ({
    store,
    config,
    platform: 'slack',
    tenant: teamId ? slackTenant(teamId) : null,
    user: { id: userId, isAdmin: isAdmin(teamId, userId) },
    now,
  });

  const answer = async (
    def: CommandDefinition,
    who: { teamId: string | undefined; userId: string },
    args: RunArgs,
    respond: RespondFn,
  ) => {
    const reply = await runCommand(def, context(who.teamId, who.userId), args);
    await sendReply(respond, reply, !reply.ephemeral && (def.isPublic?.(args) ?? false));
  };

  for (const def of commands) {
    app.command(`/${def.name}`, async ({ command, ack, respond }) => {
      await ack();
      let args: RunArgs;
      try {
        args = parseSlackText(def, command.text ?? '');
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        await sendReply(respond, shortReply(err.message), false);
        return;
      }
      await answer(def, { teamId: command.team_id, userId: command.user_id }, args, respond);
    });
  }

  app.action(MORE_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    const next = decodeMoreValue('value' in action ? action.value : undefined);
    const def = next && commands.find((c) => c.name === next.command);
    if (!next || !def) {
      log.warn({ userId: body.user.id }, 'slack: a More button with a value newsdesk did not write');
      await sendReply(respond, shortReply(BROKEN_BUTTON), false);
      return;
    }
    const who = { teamId: body.user.team_id ?? body.team?.id, userId: body.user.id };
    await answer(def, who, { ...next.args, page: next.page }, respond);
  });

  if (installations) forgetOnUninstall(app, installations);

  app.error(async (err) => {
    // A workspace without an installation: Bolt answered nothing and ran no listener.
    if (err.code === BoltErrorCode.AuthorizationError)
      log.warn({ err }, 'slack: refused a request its workspace is not authorized for');
    else log.error({ err }, 'slack handler failed');
  });

  let started: Awaited<ReturnType<App['start']>>;
  try {
    await app.init();
    started = socketMode ? await app.start() : await app.start(config.PORT);
  } catch (err) {
    throw new SlackStartError(`Slack did not start: ${slackFailure(err)}`, { cause: err });
  }
  const address = !socketMode && started && 'address' in started ? started.address() : undefined;
  const port = address && typeof address === 'object' ? address.port : undefined;
  log.info(
    socketMode
      ? { mode: 'socket' }
      : {
          mode: 'http',
          port,
          path: SLACK_PATHS.events,
          ...(installations ? { oauth: true, install: SLACK_PATHS.install } : {}),
        },
    'slack app started',
  );
  return {
    app,
    port,
    stop: () => app.stop().then(() => undefined),
    digestTarget: (channel, teamId) => slackDigestTarget(app, channel, tokenSource(installations, teamId)),
  };
}
