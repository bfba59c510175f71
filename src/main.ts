import type { DiscordBot } from './adapters/discord/index.ts';
import type { SlackBot } from './adapters/slack/app.ts';
import { type Config, ConfigError, loadConfig, slackConfigured } from './config.ts';
import { errorMessage } from './core/errors.ts';
import { OPERATOR } from './core/tenant.ts';
import { startChannelSchedules } from './digest/channel-schedules.ts';
import { slotDigest } from './digest/run.ts';
import { type DigestScheduler, startDigestScheduler } from './digest/scheduler.ts';
import type { DeliveryTarget } from './digest/target.ts';
import { startFeedPolling } from './ingest/feeds/index.ts';
import { log } from './log.ts';
import {
  type ChannelTargets,
  channelTargets,
  notifyChannels,
  operatorDigestTargets,
} from './notify/index.ts';
import { openStore, type Store } from './store/index.ts';

/** How long shutdown waits for work in flight before closing the store anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

interface Running {
  stop(): Promise<unknown> | unknown;
  name: string;
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const line of err.message.split('\n')) process.stderr.write(`newsdesk: ${line}\n`);
    process.exit(1);
  }
}

function startSchedule(store: Store, config: Config, targets: DeliveryTarget[]): DigestScheduler | undefined {
  if (!targets.length) {
    log.info('no digest destinations (DIGEST_SLACK_CHANNELS, DIGEST_DISCORD_CHANNEL_IDS): no daily digest');
    return undefined;
  }
  // The environment's DIGEST_* settings are the operator's schedule.
  const scheduler = startDigestScheduler({
    tenantId: OPERATOR.id,
    store,
    config,
    targets,
    log,
    prepare: slotDigest(store, config),
  });
  scheduler
    .catchUp()
    .then((outcomes) => log.info({ outcomes }, 'digest catch-up done'))
    .catch((err: unknown) => log.error({ err }, 'digest catch-up failed'));
  return scheduler;
}

/** Every server's and workspace's own schedules (/digest schedule), beside the operator's DIGEST_*. */
function startTenantSchedules(store: Store, config: Config, targets: ChannelTargets): Running {
  const schedules = startChannelSchedules({
    store,
    config,
    log,
    targetFor: ({ tenantId, channel }) => targets(tenantId, channel) ?? null,
  });
  schedules
    .tick()
    .then((outcomes) => log.info({ outcomes }, 'scheduled digests caught up'))
    .catch((err: unknown) => log.error({ err }, 'scheduled digests catch-up failed'));
  return { name: 'digest schedules', stop: () => schedules.stop(SHUTDOWN_GRACE_MS) };
}

async function main(): Promise<void> {
  const config = readConfig();
  log.level = config.LOG_LEVEL;
  const store = openStore(config.DATABASE_URL ?? config.NEWSDESK_DB);
  const running: Running[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down');
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    for (const part of running.reverse()) {
      await Promise.race([
        Promise.resolve()
          .then(() => part.stop())
          .catch((err: unknown) => log.warn({ err, part: part.name }, 'stop failed')),
        grace,
      ]);
    }
    store.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  const slackOn = slackConfigured(config);
  const discordOn = Boolean(config.DISCORD_TOKEN);
  const discordHttpOn = Boolean(config.DISCORD_PUBLIC_KEY);
  if (!slackOn && !discordOn && !discordHttpOn) {
    const { startConsoleMode } = await import('./adapters/console/mode.ts');
    const session = await startConsoleMode({
      store,
      config,
      log,
      input: process.stdin,
      output: process.stdout,
    });
    running.push({
      name: 'console',
      stop: () => {
        session.close();
        return session.done;
      },
    });
    await session.done;
    await shutdown(0);
    return;
  }
  let discord: DiscordBot | undefined;
  if (discordOn) {
    try {
      const { startDiscordBot } = await import('./adapters/discord/index.ts');
      discord = await startDiscordBot({ config, store, log });
      running.push({ name: 'discord', stop: () => discord?.stop() });
    } catch (err) {
      // One platform failing (e.g. a rejected token) does not take the other down.
      process.stderr.write(`newsdesk: Discord did not start: ${errorMessage(err)}\n`);
      if (!slackOn && !discordHttpOn) return shutdown(1);
    }
  }
  if (discordHttpOn) {
    // Interactions over HTTP; the gateway client above (with DISCORD_TOKEN) still posts digests and items.
    const { startInteractionsServer } = await import('./adapters/discord/index.ts');
    const endpoint = await startInteractionsServer({ config, store, log });
    running.push({ name: 'discord interactions', stop: () => endpoint.stop() });
  }
  let slack: SlackBot | undefined;
  if (slackOn) {
    const { startSlackBot } = await import('./adapters/slack/app.ts');
    slack = await startSlackBot({ config, store, log });
    running.push({ name: 'slack', stop: () => slack?.stop() });
  }
  const targets = channelTargets({ discord, slack });
  const operatorTargets = operatorDigestTargets(config, { slack, discord }, log);
  if (config.DATABASE_URL) {
    // Several machines: this front end only schedules; `newsdesk worker` processes do the work.
    const { startJobScheduler } = await import('./queue/front.ts');
    const jobs = await startJobScheduler({ store, config, log, operatorDigest: operatorTargets.length > 0 });
    running.push({ name: 'job scheduler', stop: () => jobs.stop() });
    return;
  }
  // After the platforms: each poll ends by posting new items and feed health to their channels.
  const polling = startFeedPolling(store, config, {
    afterPoll: () => notifyChannels(store, config, { targets, log, now: () => new Date() }),
  });
  running.push({ name: 'feeds', stop: () => polling.stop() });
  const scheduler = startSchedule(store, config, operatorTargets);
  if (scheduler) running.push({ name: 'digest', stop: () => scheduler.stop(SHUTDOWN_GRACE_MS) });
  running.push(startTenantSchedules(store, config, targets));
}

main().catch((err: unknown) => {
  log.fatal({ err }, 'start-up failed');
  process.stderr.write(`newsdesk: ${errorMessage(err)}\n`);
  process.exit(1);
});
