import { describe, expect, it } from 'vitest';
import { codePointMapping } from './code-points';

describe('codePointMapping', () => {
  it('is the identity for text without astral characters', () => {
    const { toCodePoints, fromCodePoints } = codePointMapping('plain text, naïve café');
    for (const n of [0, 5, 22]) {
      expect(toCodePoints(n)).toBe(n);
      expect(fromCodePoints(n)).toBe(n);
    }
  });

  it('counts each surrogate pair as one code point, both ways', () => {
    const text = 'a😀b😀😀c';
    const { toCodePoints, fromCodePoints } = codePointMapping(text);
    // every code point boundary, as UTF-16 offsets
    const boundaries = [0, 1, 3, 4, 6, 8, 9];
    boundaries.forEach((utf16, cp) => {
      expect(toCodePoints(utf16)).toBe(cp);
      expect(fromCodePoints(cp)).toBe(utf16);
    });
    expect([...text].length).toBe(boundaries.length - 1);
  });

  it('agrees with Array.from on a long text with pairs scattered through it', () => {
    const text = Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? '𝔸' : 'x')).join('');
    const { toCodePoints, fromCodePoints } = codePointMapping(text);
    let utf16 = 0;
    [...text].forEach((ch, cp) => {
      expect(toCodePoints(utf16)).toBe(cp);
      expect(fromCodePoints(cp)).toBe(utf16);
      utf16 += ch.length;
    });
  });

  it('treats a lone surrogate as a code point of its own', () => {
    const { toCodePoints, fromCodePoints } = codePointMapping('a\ud800b');
    expect(toCodePoints(3)).toBe(3);
    expect(fromCodePoints(2)).toBe(2);
  });
});
