import { describe, expect, it } from 'vitest';
import { eventType } from '../../src/knowledge/events.ts';

describe('eventType', () => {
  it('reads the event verbs of diplomatic news', () => {
    expect(eventType('Putin met Witkoff in Moscow on Tuesday.')).toBe('meeting');
    expect(eventType('Russian drones struck Kyiv overnight.')).toBe('attack');
    expect(eventType('Negotiators will meet the Ukrainian delegation on Monday.')).toBe('meeting');
  });

  it('does not take idioms for meetings or attacks', () => {
    expect(eventType('It became the first hotel to meet the international five-star standard.')).toBeNull();
    expect(eventType('The plan was met with criticism in Kyiv.')).toBeNull();
    expect(eventType('The speech struck a defiant tone.')).toBeNull();
  });

  it('reads "struck a deal" as an agreement', () => {
    expect(eventType('The two sides struck a tentative peace deal in Geneva on Sunday.')).toBe('agreement');
  });
});
