import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('.env.example', () => {
  // A new user's first step is `cp .env.example .env`: it must start as it is.
  const example = parse(readFileSync(new URL('../.env.example', import.meta.url)));

  it('loads as it is, every empty entry taking its default', () => {
    const config = loadConfig(example);
    const defaults = loadConfig({});
    const empty = Object.keys(example).filter((k) => !example[k]?.trim());
    expect(empty.length).toBeGreaterThan(0);
    for (const key of empty)
      expect(config[key as keyof typeof config], key).toEqual(defaults[key as keyof typeof defaults]);
    expect(config.DISCORD_INTERACTIONS_PATH).toBe('/interactions');
    expect(config.DISCORD_INTERACTIONS_PORT).toBe(3001);
  });
});
