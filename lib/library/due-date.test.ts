import { describe, expect, it } from 'vitest';
import { formatDueDate } from './due-date';

describe('formatDueDate', () => {
  it('names the calendar day itself, not the day before in a western time zone', () => {
    expect(formatDueDate('2027-03-01')).toBe('1 March 2027');
    expect(formatDueDate('2026-12-31')).toBe('31 December 2026');
  });
});
