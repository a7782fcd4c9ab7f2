import { describe, expect, it } from 'vitest';
import {
  formatDueDay,
  formatImportTime,
  formatJoinedDay,
  formatNoteTime,
  lazyDateFormat,
} from './date-formats';

describe('date formats', () => {
  const instant = new Date('2027-03-01T14:05:00.000Z');

  it('write the days and times readers see', () => {
    expect(formatDueDay(instant)).toBe('1 March 2027');
    expect(formatJoinedDay(instant)).toBe('1 Mar 2027');
    expect(formatImportTime(instant)).toBe('1 Mar 2027, 14:05');
    expect(formatNoteTime(instant)).toBe(
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(instant),
    );
  });

  it('make their Intl object on the first format, once', () => {
    const made: Intl.DateTimeFormatOptions[] = [];
    const Original = Intl.DateTimeFormat;
    const spy = function (this: unknown, locale?: string, options?: Intl.DateTimeFormatOptions) {
      made.push(options ?? {});
      return new Original(locale, options);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = spy;
    try {
      const format = lazyDateFormat('en-GB', { year: 'numeric', timeZone: 'UTC' });
      expect(made).toHaveLength(0);
      expect(format(instant)).toBe('2027');
      expect(format(new Date('2030-01-01T00:00:00Z'))).toBe('2030');
      expect(made).toHaveLength(1);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
