import { describe, expect, it } from 'vitest';
import { JS_WHITESPACE } from './markdown-escape';

describe('JS_WHITESPACE', () => {
  it('is exactly what String.prototype.trim removes (the SQL writer trims with it)', () => {
    const trimmed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (c.trim() === '') trimmed.push(c);
    }
    expect([...JS_WHITESPACE].sort()).toEqual(trimmed.sort());
  });
});
