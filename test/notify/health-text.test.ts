import { describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../src/digest/target.ts';
import { plainFeedError } from '../../src/notify/plain-error.ts';
import { redactUrl, redactUrlsIn } from '../../src/notify/redact-url.ts';
import { channelTargets } from '../../src/notify/targets.ts';

describe('a feed URL shown in a channel', () => {
  it('keeps the host, the path words and the parameter names, and hides every secret', () => {
    expect(redactUrl('https://user:pa55@feeds.example/world/rss.xml?token=s3cret&format=rss')).toBe(
      'https://feeds.example/world/rss.xml?token=…&format=…',
    );
    expect(redactUrl('https://feeds.example/u/3f9a0c12de45b6789a0b/private.rss')).toBe(
      'https://feeds.example/u/…/private.rss',
    );
    expect(redactUrl('https://feeds.example/news/world-politics-and-diplomacy')).toBe(
      'https://feeds.example/news/world-politics-and-diplomacy',
    );
    expect(redactUrl('not a url')).toBe('…');
  });

  it('is redacted inside an error message too, the sentence around it kept', () => {
    expect(redactUrlsIn('HTTP 503 from https://a.example/feed?key=abc123: try later.')).toBe(
      'HTTP 503 from https://a.example/feed?key=…: try later.',
    );
  });
});

describe("a feed's last error in plain words", () => {
  it.each([
    ['timed out after 15000 ms', 'did not answer within 15 seconds'],
    ['HTTP 403 from https://a.example/f?token=x', 'refused access (HTTP 403)'],
    ['HTTP 404 from https://a.example/f', 'no longer at this address (HTTP 404)'],
    ['HTTP 503 from https://a.example/f', 'an error of its own (HTTP 503)'],
    ['getaddrinfo ENOTFOUND nowhere.example (ENOTFOUND)', 'name could not be found'],
    ['connect ECONNREFUSED 10.0.0.1:443', 'refused the connection'],
    ['refused: 10.0.0.1 is a private address', 'private network'],
    ['response body exceeds 5242880 bytes (Content-Length 9000000)', 'FEED_MAX_BYTES'],
  ])('%s', (error, plain) => {
    expect(plainFeedError(error)).toContain(plain);
  });

  it('says what an unknown error was, with any address in it redacted', () => {
    const said = plainFeedError('Unexpected close tag at https://a.example/f?token=s3cret line 3');
    expect(said).toContain('could not be read as a feed');
    expect(said).not.toContain('s3cret');
  });
});

describe('the channel a subscription posts to', () => {
  const maker = (platform: 'discord' | 'slack') => ({
    digestTarget: (channel: string): DeliveryTarget => ({
      platform,
      destination: channel,
      send: () => Promise.reject(new Error('not sent in this test')),
      findPosted: () => Promise.resolve(null),
    }),
  });
  const both = channelTargets({ discord: maker('discord'), slack: maker('slack') });

  it("is on its tenant's own platform", () => {
    expect(both('discord:1', '42')).toMatchObject({ platform: 'discord', destination: '42' });
    expect(both('slack:T1', 'C1')).toMatchObject({ platform: 'slack', destination: 'C1' });
    expect(channelTargets({ slack: maker('slack') })('discord:1', '42')).toBeUndefined();
  });

  it('is named with its platform for the operator, or taken on the only platform running', () => {
    expect(both('operator', 'slack:C9')).toMatchObject({ platform: 'slack', destination: 'C9' });
    expect(both('operator', 'discord:42')).toMatchObject({ platform: 'discord', destination: '42' });
    expect(both('operator', 'C9')).toBeUndefined();
    expect(channelTargets({ discord: maker('discord') })('operator', '42')).toMatchObject({
      platform: 'discord',
    });
  });
});
