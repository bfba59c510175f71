import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { parseSlackText, tokenize } from '../../../src/adapters/slack/parse.ts';

const def = (name: string) => commands.find((c) => c.name === name)!;

describe('Slack command text', () => {
  it('gives leading words to the first option', () => {
    expect(parseSlackText(def('whois'), 'Steve Witkoff')).toEqual({ actor: 'Steve Witkoff' });
  });

  it('reads name:value forms, values running until the next name', () => {
    expect(parseSlackText(def('timeline'), 'actor:Vladimir Putin from:2025-11-01 query:peace plan')).toEqual({
      actor: 'Vladimir Putin',
      from: '2025-11-01',
      query: 'peace plan',
    });
  });

  it('keeps quoted phrases together and coerces integers', () => {
    expect(tokenize('"peace plan" days:"7"')).toEqual(['peace plan', 'days:7']);
    expect(parseSlackText(def('summary'), 'topic:"peace plan" days:7')).toEqual({
      topic: 'peace plan',
      days: 7,
    });
  });

  it('picks the sub-command first and does not mistake a URL scheme for an option', () => {
    expect(parseSlackText(def('feeds'), 'add https://news.example/rss')).toEqual({
      subcommand: 'add',
      url: 'https://news.example/rss',
    });
  });

  it('reads a bare boolean option name as true, in the default sub-command when none is named', () => {
    expect(parseSlackText(def('digest'), 'post')).toEqual({ subcommand: 'now', post: true });
    expect(parseSlackText(def('digest'), '')).toEqual({ subcommand: 'now' });
    expect(parseSlackText(def('digest'), 'now post:true')).toEqual({ subcommand: 'now', post: true });
  });

  it('reads /digest schedule with a channel mention, a zone and filters that hold commas and spaces', () => {
    expect(
      parseSlackText(
        def('digest'),
        'schedule channel:<#C0123|news> time:08:00 timezone:Europe/Kyiv include:ceasefire, /talks? (re)?start/i exclude:sport',
      ),
    ).toEqual({
      subcommand: 'schedule',
      channel: 'C0123',
      time: '08:00',
      timezone: 'Europe/Kyiv',
      include: 'ceasefire, /talks? (re)?start/i',
      exclude: 'sport',
    });
  });

  it('explains a missing sub-command with the usage of each', () => {
    expect(() => parseSlackText(def('feeds'), '')).toThrow(/feeds add url:<url>/);
  });
});
