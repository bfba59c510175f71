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

  it('reads appointments, elections, decisions, killings and takeovers as events', () => {
    expect(
      eventType('The president presented a certificate of appointment to the new minister on Monday.'),
    ).toBe('appointment');
    expect(eventType('She was sworn in as president on Wednesday.')).toBe('appointment');
    expect(eventType('The challenger won 62% in the election held on Sunday.')).toBe('election');
    expect(eventType('That designation was lifted by the ministry last Friday.')).toBe('decision');
    expect(eventType('Rebels confirmed that two ministers were killed in an airstrike on Saturday.')).toBe(
      'attack',
    );
    expect(eventType('Opposition fighters took control of the capital on December 8.')).toBe('attack');
    expect(eventType('On Wednesday, the president landed in the capital for a state visit.')).toBe('visit');
    expect(eventType('Asked about the letter on Sunday, the president replied that he would wait.')).toBe(
      'statement',
    );
  });

  it('reads "lifted" as a decision only when a measure is lifted', () => {
    expect(eventType('The coastal blockade was quietly lifted on Thursday.')).toBe('decision');
    expect(eventType('The council lifted the remaining export restrictions in June.')).toBe('decision');
    expect(eventType('By Sunday the gloom over the harbour town had lifted.')).toBeNull();
    expect(eventType('The fog lifted as the ferry left the quay.')).toBeNull();
  });

  it('keeps the meeting in a sentence that also names an appointment made there', () => {
    expect(eventType('The first meeting of the council witnessed the appointment of a prime minister.')).toBe(
      'meeting',
    );
  });
});
