import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { discordTenant } from '../../src/core/tenant.ts';
import { saveArticles } from '../../src/ingest/save.ts';
import { commandContext, tempStore, testConfig } from '../support/discord-store.ts';
import { completion, OpenAiStandIn } from '../support/openai-server.ts';

const { store, cleanup } = tempStore();
let server: OpenAiStandIn;

beforeAll(async () => {
  saveArticles(store, [
    {
      origin: 'url:https://example.org/mediator',
      kind: 'feed',
      url: 'https://example.org/mediator',
      title: 'Mediator shuttles between the capitals',
      published: { value: '2026-01-20', source: 'feed' },
      text: [
        'Foreign Minister Ilse Marquardt travelled to Vienna on Monday to meet both delegations.',
        'Marquardt said the talks on a prisoner exchange had made progress but that a ceasefire was not yet in sight.',
        'The two delegations agreed to meet again in Geneva next month.',
      ].join('\n\n'),
    },
  ]);
});
afterAll(cleanup);
afterEach(async () => {
  await server?.stop();
});

describe('/whois', () => {
  it("answers a server from the operator's shared sources unless SHARED_SOURCES is false", async () => {
    const server = discordTenant('900000000000000001');
    const shared = await runCommand(findCommand('whois')!, commandContext(store, { tenant: server }), {
      actor: 'Marquardt',
    });
    expect(shared.title).toBe('Ilse Marquardt');
    const ownOnly = commandContext(store, {
      tenant: server,
      config: testConfig({ SHARED_SOURCES: 'false' }),
    });
    const reply = await runCommand(findCommand('whois')!, ownOnly, { actor: 'Marquardt' });
    expect(reply.title).toContain('No actor matches');
    expect(reply.text).not.toContain('Vienna');
  });

  it('answers with the extractive profile when no LLM is configured', async () => {
    const reply = await runCommand(findCommand('whois')!, commandContext(store), { actor: 'Marquardt' });
    expect(reply.title).toBe('Ilse Marquardt');
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toContain('Vienna');
  });

  it('uses the grounded LLM profile when an LLM is configured', async () => {
    server = await new OpenAiStandIn().start();
    server.script(() =>
      completion({
        items: [{ text: 'German foreign minister mediating a prisoner exchange.', evidence: ['E1'] }],
      }),
    );
    const config = testConfig({ OPENAI_BASE_URL: server.baseURL, LLM_MODEL: 'test-model' });
    const reply = await runCommand(findCommand('whois')!, commandContext(store, { config }), {
      actor: 'Ilse Marquardt',
    });
    expect(reply.mode).toBe('llm: test-model');
    expect(reply.text).toContain('mediating a prisoner exchange');
  });

  it('falls back to the extractive profile when the LLM fails', async () => {
    server = await new OpenAiStandIn().start();
    const down = { status: 500, json: { error: { message: 'down', type: 'server_error' } } };
    server.script(down, down, down);
    const config = testConfig({ OPENAI_BASE_URL: server.baseURL, LLM_TIMEOUT_MS: '2000' });
    const reply = await runCommand(findCommand('whois')!, commandContext(store, { config }), {
      actor: 'Marquardt',
    });
    expect(reply.mode).toBe('extractive');
    expect(reply.title).toBe('Ilse Marquardt');
  });
});
