import { describe, expect, it } from 'vitest';
import {
  countAttempt,
  describeWait,
  lockedMessage,
  lockoutDelaySeconds,
  secondsLocked,
  type FailureCounter,
} from './sign-in-lockout';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 8, 0, 0) + minutes * 60_000);

function failRepeatedly(times: number, everyMinutes = 0, start: FailureCounter | null = null) {
  let counter = start;
  for (let i = 0; i < times; i++) counter = countAttempt(counter, at(i * everyMinutes));
  return counter!;
}

describe('the growing delay', () => {
  it('holds nothing for the first four failures, then 1, 2, 4, 8 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4].map((n) => lockoutDelaySeconds(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map((n) => lockoutDelaySeconds(n) / 60)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(lockoutDelaySeconds(11)).toBe(3600);
    expect(lockoutDelaySeconds(500)).toBe(3600);
  });

  it('holds the account after the fifth failure in a row, for the wait it reports', () => {
    const fifth = failRepeatedly(5);
    expect(secondsLocked(fifth, at(0))).toBe(60);
    expect(secondsLocked(fifth, at(0.5))).toBe(30);
    expect(secondsLocked(fifth, at(1))).toBe(0);
  });

  it('keeps growing while the failures go on after each hold', () => {
    let counter = failRepeatedly(5);
    counter = countAttempt(counter, at(1)); // the hold of 1 minute is over
    expect(counter.failures).toBe(6);
    expect(secondsLocked(counter, at(1))).toBe(120);
  });

  it('starts afresh after 15 quiet minutes', () => {
    const four = failRepeatedly(4);
    expect(countAttempt(four, at(14)).failures).toBe(5);
    expect(countAttempt(four, at(15)).failures).toBe(1);
  });

  it('counts the quiet time from the end of a hold, so long holds do not reset the count', () => {
    let counter = failRepeatedly(9); // hold of 16 minutes
    expect(secondsLocked(counter, at(0))).toBe(16 * 60);
    counter = countAttempt(counter, at(17));
    expect(counter.failures).toBe(10);
  });

  it('does not hold failures spread further apart than the quiet time', () => {
    const counter = failRepeatedly(20, 16);
    expect(counter.failures).toBe(1);
    expect(counter.lockedUntil).toBeNull();
  });
});

describe('the message', () => {
  it('says how long to wait in words, rounded up', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(0.2)).toBe('1 second');
    expect(describeWait(45)).toBe('45 seconds');
    expect(describeWait(60)).toBe('1 minute');
    expect(describeWait(61)).toBe('2 minutes');
    expect(lockedMessage(120)).toBe('Too many failed sign-ins for this account. Try again in 2 minutes.');
  });
});
