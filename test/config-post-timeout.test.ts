import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('POST_TIMEOUT_MS', () => {
  it('defaults below the job timeout, however short that is', () => {
    for (const seconds of [undefined, '20', '2']) {
      const config = loadConfig(seconds ? { QUEUE_JOB_TIMEOUT_SECONDS: seconds } : {});
      expect(config.POST_TIMEOUT_MS).toBeGreaterThan(0);
      expect(config.POST_TIMEOUT_MS).toBeLessThan(config.QUEUE_JOB_TIMEOUT_SECONDS * 1000);
    }
    expect(loadConfig({}).POST_TIMEOUT_MS).toBe(30_000);
  });

  it('must be shorter than QUEUE_JOB_TIMEOUT_SECONDS, saying why', () => {
    for (const post of ['4000', '9000']) {
      const load = () => loadConfig({ QUEUE_JOB_TIMEOUT_SECONDS: '4', POST_TIMEOUT_MS: post });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/POST_TIMEOUT_MS: must be shorter than QUEUE_JOB_TIMEOUT_SECONDS \(4 s\)/);
    }
    expect(loadConfig({ QUEUE_JOB_TIMEOUT_SECONDS: '4', POST_TIMEOUT_MS: '3999' }).POST_TIMEOUT_MS).toBe(
      3999,
    );
  });
});
