import { describe, expect, it } from 'vitest';
import { buildPageText, pageSelectors } from './page-text';

const blocks = [
  { anchor: 'title', text: 'A short title' },
  { anchor: 'p-1', text: 'The first paragraph says something long enough to need a cut here.' },
  { anchor: 'p-2', text: 'Emoji 😀 and e\u0301 combining, then more words after it.' },
  { anchor: 'p-3', text: 'Last one.' },
];
const page = buildPageText(blocks);
const codePoints = Array.from(page.text);

describe('buildPageText', () => {
  it('joins the blocks with one line break, as the reader page’s <article> does', () => {
    expect(page.text).toBe(blocks.map((b) => b.text).join('\n'));
    expect(page.starts).toEqual([0, 14, 14 + blocks[1].text.length + 1, page.text.length - 9]);
  });
});

describe('pageSelectors', () => {
  it('keeps the context of a one-block quote inside its block', () => {
    const sel = pageSelectors(page, { block: 'p-1', offset: 0 }, { block: 'p-1', offset: 9 })!;
    expect(sel.exact).toBe('The first');
    expect(sel.prefix).toBe('');
    expect(sel.suffix).toBe(' paragraph says something long e');
    const end = pageSelectors(page, { block: 'p-3', offset: 5 }, { block: 'p-3', offset: 9 })!;
    expect(end).toMatchObject({ exact: 'one.', prefix: 'Last ', suffix: '' });
    const whole = pageSelectors(page, { block: 'title', offset: 0 }, { block: 'title', offset: 13 })!;
    expect(whole).toMatchObject({ prefix: '', suffix: '' });
  });

  it('quotes a passage across blocks as the page shows it, with context from the page', () => {
    const sel = pageSelectors(page, { block: 'p-1', offset: 55 }, { block: 'p-2', offset: 5 })!;
    expect(sel.exact).toBe('a cut here.\nEmoji');
    expect(sel.prefix.endsWith('enough to need ')).toBe(true);
    expect(sel.suffix).toBe(blocks[2].text.slice(5, 5 + 32));
    expect(page.text.slice(page.text.indexOf(sel.prefix + sel.exact + sel.suffix))).toContain(sel.exact);
  });

  it('counts positions in code points of the page text', () => {
    const at = blocks[2].text.indexOf('combining');
    const sel = pageSelectors(page, { block: 'p-2', offset: at }, { block: 'p-2', offset: at + 9 })!;
    expect(codePoints.slice(sel.position.start, sel.position.end).join('')).toBe('combining');
    expect(sel.prefix).toBe('Emoji 😀 and e\u0301 ');
  });

  it('never cuts a surrogate pair in the context', () => {
    const astral = buildPageText([{ anchor: 'p-1', text: `x😀${'a'.repeat(31)}QQ😀${'b'.repeat(31)}` }]);
    // 32 units before "QQ" (or after it) fall inside an emoji: the context stops short of it.
    const sel = pageSelectors(astral, { block: 'p-1', offset: 34 }, { block: 'p-1', offset: 36 })!;
    expect(sel).toMatchObject({ exact: 'QQ', prefix: 'a'.repeat(31) });
    const before = buildPageText([{ anchor: 'p-1', text: `QQ${'c'.repeat(31)}😀z` }]);
    const cut = pageSelectors(before, { block: 'p-1', offset: 0 }, { block: 'p-1', offset: 2 })!;
    expect(cut.suffix).toBe('c'.repeat(31));
  });

  it('is null for a point outside the blocks', () => {
    expect(pageSelectors(page, { block: 'p-9', offset: 0 }, { block: 'p-1', offset: 1 })).toBeNull();
    expect(pageSelectors(page, { block: 'p-1', offset: 0 }, { block: 'p-1', offset: 999 })).toBeNull();
    expect(pageSelectors(page, { block: 'p-2', offset: 3 }, { block: 'p-1', offset: 1 })).toBeNull();
  });
});
