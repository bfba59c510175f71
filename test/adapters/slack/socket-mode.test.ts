import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { type SlackBot, startSlackBot } from '../../../src/adapters/slack/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { SlackStandIn } from '../../support/slack-api.ts';

let api: SlackStandIn;
let store: Store;
let bot: SlackBot;

beforeAll(async () => {
  api = await new SlackStandIn().start();
  store = openStore(':memory:');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: api.apiUrl,
  });
  bot = await startSlackBot({ config, store, log: pino({ level: 'silent' }), commands, webApiRetries: 0 });
});

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  store?.close();
});

describe('Slack app in Socket Mode', () => {
  it('connects through SLACK_API_URL, acks a slash command envelope and responds', async () => {
    expect(bot.port).toBeUndefined();
    const responseUrl = api.responseUrl('socket-help');
    const ack = await api.pushEnvelope('slash_commands', {
      token: 'legacy',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'UUSER',
      command: '/help',
      text: '',
      api_app_id: 'A1',
      response_url: responseUrl,
      trigger_id: '1.2.3',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    const [response] = await api.waitForResponses(1);
    expect(response?.path).toBe(new URL(responseUrl).pathname);
    expect(JSON.stringify(response?.body.blocks)).toContain('/timeline');
    expect(api.calls).toContain('apps.connections.open');
  });
});
