// A bot process that delivers one digest slot to a Slack channel, for kill-and-restart tests.
// argv: DB path, Web API URL, channel. Prints one JSON line with the outcomes.
import pino from 'pino';
import { startSlackBot } from '../../src/adapters/slack/app.ts';
import { loadConfig } from '../../src/config.ts';
import { deliverSlot } from '../../src/digest/deliver.ts';
import { openStore } from '../../src/store/index.ts';
import { prepareSample, SAMPLE_PLAN } from './digest-fixtures.ts';

const [db, apiUrl, channel] = process.argv.slice(2) as [string, string, string];
const log = pino({ level: 'silent' });
const store = openStore(db);
const config = loadConfig({
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_API_URL: apiUrl,
  PORT: '0',
});
const bot = await startSlackBot({ config, store, log, commands: [], webApiRetries: 0 });
const outcomes = await deliverSlot(store, SAMPLE_PLAN, [bot.digestTarget(channel)], {
  tenantId: 'operator',
  log,
  retry: { attempts: 2, baseMs: 1, maxMs: 5 },
  prepare: prepareSample,
});
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
await bot.stop();
store.close();
