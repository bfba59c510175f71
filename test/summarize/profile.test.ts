import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhoisActor } from '../../src/knowledge/types.ts';
import { actorProfile } from '../../src/summarize/index.ts';
import { completion, OpenAiStandIn } from '../support/openai-server.ts';
import { ON_TOPIC } from './fixtures.ts';
import { article, cleanupTemps, tempStore, testConfig } from './helpers.ts';

let server: OpenAiStandIn;
beforeEach(async () => {
  server = await new OpenAiStandIn().start();
});
afterEach(async () => {
  await server.stop();
  cleanupTemps();
});

function actorFor(ids: number[]): WhoisActor {
  return {
    id: 1,
    name: 'Qatari envoy',
    kind: 'person',
    aliases: [],
    role: 'mediator',
    roles: [],
    affiliation: null,
    profile: 'A mediator.',
    firstSeen: null,
    lastSeen: null,
    mentions: 1,
    related: [],
    events: [],
    sources: ids.map((articleId) => ({ articleId, title: 't' })),
  };
}

describe('actorProfile', () => {
  it('is null without an LLM (the extractive profile stays)', async () => {
    const store = tempStore();
    const id = store.articles.insert(article({ ...ON_TOPIC[3]! }));
    expect(await actorProfile(store, testConfig(), actorFor([id]))).toBeNull();
    store.close();
  });

  it('writes a grounded profile from sentences naming the actor', async () => {
    const store = tempStore();
    const id = store.articles.insert(article({ ...ON_TOPIC[3]!, url: 'https://example.org/envoy' }));
    server.script((r) => {
      const user = (r.body.messages as { role: string; content: string }[]).at(-1)!.content;
      expect(user).toMatch(/Qatari envoy travelled/);
      return completion({
        items: [
          { text: 'A Qatari mediator negotiating a prisoner exchange.', evidence: ['E1'] },
          { text: 'Invented claim.', evidence: ['E42'] },
        ],
      });
    });
    const config = testConfig({ OPENAI_BASE_URL: server.baseURL, LLM_MODEL: 'test-model' });
    const profile = await actorProfile(store, config, actorFor([id]));
    if (!profile) throw new Error('expected a profile');
    expect(profile.items.map((i) => i.text)).toEqual(['A Qatari mediator negotiating a prisoner exchange.']);
    expect(profile.items[0]!.sources[0]!.url).toBe('https://example.org/envoy');
    expect(profile.note).toMatch(/1 statement/);
    store.close();
  });

  it('is null when the model fails, so /whois falls back', async () => {
    const store = tempStore();
    const id = store.articles.insert(article({ ...ON_TOPIC[3]! }));
    server.otherwise({ status: 503, json: { error: { message: 'down' } } });
    const config = testConfig({ OPENAI_BASE_URL: server.baseURL, LLM_MODEL: 'test-model' });
    expect(await actorProfile(store, config, actorFor([id]))).toBeNull();
    store.close();
  });
});
