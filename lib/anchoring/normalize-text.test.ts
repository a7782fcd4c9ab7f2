import { describe, expect, it } from 'vitest';
import { normalizeForMatching, normalizeQuote, normalizedPosition, originalSpan } from './normalize-text';

describe('normalizeForMatching', () => {
  it('folds curly quotes, dashes and exotic spaces to plain ASCII', () => {
    expect(normalizeForMatching('China’s “ballast stone” — ‘now’').text).toBe(
      "China's \"ballast stone\" - 'now'",
    );
    expect(normalizeForMatching('Wu\u00a0Qian\u202fsaid\u2009so').text).toBe('Wu Qian said so');
  });

  it('collapses runs of whitespace, including blank lines between blocks, to one space', () => {
    expect(normalizeForMatching('years.\n\nThis  asymmetry\t\n is').text).toBe('years. This asymmetry is');
  });

  it('drops invisible characters', () => {
    expect(normalizeForMatching('co\u00adoper\u200bation\ufeff').text).toBe('cooperation');
  });

  it('leaves letters, accents and emoji alone', () => {
    const text = 'Café 👍🏽 naïve e\u0301';
    expect(normalizeForMatching(text).text).toBe(text);
  });

  it('maps every normalised character back to the original span', () => {
    const original = 'a\u00a0 \n“b”\u200bc';
    const norm = normalizeForMatching(original);
    expect(norm.text).toBe('a "b"c');
    expect(originalSpan(norm, 1, 2)).toEqual({ start: 1, end: 4 }); // the whitespace run
    expect(originalSpan(norm, 2, 5)).toEqual({ start: 4, end: 7 }); // “b”
    expect(original.slice(originalSpan(norm, 0, 6).start, originalSpan(norm, 0, 6).end)).toBe(original);
    expect(normalizedPosition(norm, 4)).toBe(2);
    expect(normalizedPosition(norm, 2)).toBe(2); // inside the run: the next character
    expect(normalizedPosition(norm, original.length)).toBe(6);
  });

  it('handles long texts', () => {
    const long = 'word\u00a0'.repeat(20000);
    const norm = normalizeForMatching(long);
    expect(norm.text).toBe('word '.repeat(20000));
    expect(norm.starts).toHaveLength(100000);
  });
});

describe('normalizeQuote', () => {
  it('agrees with normalizeForMatching on every special character', () => {
    const specials = [];
    for (let code = 0; code < 0x3100; code++) specials.push(String.fromCharCode(code));
    const sample = specials.join('x') + '  \n\n\u00a0 “quoted”\u200b—end';
    expect(normalizeQuote(sample)).toBe(normalizeForMatching(sample).text);
  });
});
