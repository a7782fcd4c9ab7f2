import { describe, expect, it } from 'vitest';
import { findHostileText, isHostileString, MAX_JSON_DEPTH } from './hostile-text';

describe('the text rule', () => {
  it('accepts ordinary text, emoji (surrogate pairs) and empty strings', () => {
    expect(isHostileString('Face Time — ¶7 😀')).toBe(false);
    expect(isHostileString('')).toBe(false);
  });

  it('refuses NUL and unpaired surrogates wherever they sit', () => {
    expect(isHostileString('a\u0000b')).toBe(true);
    expect(isHostileString('\ud800')).toBe(true);
    expect(isHostileString('x\udc00')).toBe(true);
    expect(isHostileString('\ud83d\ude00\ud83d')).toBe(true);
  });

  it('names the path of the offending value or key', () => {
    expect(findHostileText({ note: { content: [{ text: 'ok' }, { text: 'bad\u0000' }] } }, 'body')).toEqual({
      path: 'body.note.content.1.text',
      message: expect.stringContaining('NUL'),
    });
    expect(findHostileText({ ['k\ud800']: 1 })?.path).toBe('k\ud800');
    expect(findHostileText({ a: [1, true, null, 'fine'] })).toBeNull();
  });

  it('refuses structures nested deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findHostileText(deep)?.message).toMatch(/Nested/);
    let shallow: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) shallow = { a: shallow };
    expect(findHostileText(shallow)).toBeNull();
  });
});
