import { describe, expect, it } from 'vitest';
import { noteToMarkdown, type InlineNode, type NoteDoc, type NoteMark } from '@/lib/notes';

const t = (text: string, ...marks: NoteMark[]): InlineNode =>
  marks.length ? { type: 'text', text, marks } : { type: 'text', text };
const para = (...content: InlineNode[]): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content }],
});
const bold: NoteMark = { type: 'bold' };
const italic: NoteMark = { type: 'italic' };
const link = (href: string): NoteMark => ({ type: 'link', attrs: { href } });

describe('noteToMarkdown formatting', () => {
  it('writes bold, italic, strike, code and links', () => {
    const note = para(
      t('A '),
      t('bold', bold),
      t(', '),
      t('italic', italic),
      t(', '),
      t('gone', { type: 'strike' }),
      t(', '),
      t('x = 1', { type: 'code' }),
      t(' and '),
      t('a link', link('https://example.org/page')),
    );
    expect(noteToMarkdown(note)).toBe(
      'A **bold**, *italic*, ~~gone~~, `x = 1` and [a link](https://example.org/page)',
    );
  });

  it('nests overlapping marks and keeps spaces outside the delimiters', () => {
    expect(noteToMarkdown(para(t('plain '), t('bold ', bold), t('both', bold, italic), t(' after')))).toBe(
      'plain **bold *both*** after',
    );
  });

  it('puts bold inside a link', () => {
    expect(noteToMarkdown(para(t('see '), t('this', link('https://a.example'), bold)))).toBe(
      'see [**this**](https://a.example)',
    );
  });

  it('fences code containing backticks', () => {
    expect(noteToMarkdown(para(t('a `tick`', { type: 'code' })))).toBe('`` a `tick` ``');
  });

  it('escapes parentheses in link addresses', () => {
    expect(noteToMarkdown(para(t('wiki', link('https://en.wikipedia.org/wiki/Close_(reading)'))))).toBe(
      '[wiki](https://en.wikipedia.org/wiki/Close_\\(reading\\))',
    );
  });

  it('drops a link whose address is not allowed but keeps its text', () => {
    expect(noteToMarkdown(para(t('click', link('javascript:alert(1)'))))).toBe('click');
  });
});

describe('noteToMarkdown escaping', () => {
  it('escapes inline Markdown and HTML in the text', () => {
    expect(noteToMarkdown(para(t('<script>alert(1)</script> *not bold* _nor_ [a](b) `c` ~~d~~ &amp;')))).toBe(
      '\\<script\\>alert(1)\\</script\\> \\*not bold\\* \\_nor\\_ \\[a\\](b) \\`c\\` \\~\\~d\\~\\~ \\&amp;',
    );
  });

  it.each([
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not a list', '1\\. not a list'],
    ['> not a quote', '\\> not a quote'],
    ['    not code', 'not code'],
    ['===', '\\==='],
  ])('escapes block syntax at the start of a line: %j', (text, expected) => {
    expect(noteToMarkdown(para(t(text)))).toBe(expected);
  });

  it('escapes block syntax after a hard break too', () => {
    expect(noteToMarkdown(para(t('first'), { type: 'hardBreak' }, t('# second')))).toBe(
      'first\\\n\\# second',
    );
  });

  it('leaves a plain sentence readable', () => {
    expect(noteToMarkdown(para(t('The author claims 3 things - and cites none.')))).toBe(
      'The author claims 3 things - and cites none.',
    );
  });
});

describe('noteToMarkdown blocks', () => {
  it('writes paragraphs, lists and quotes', () => {
    const note: NoteDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [t('Intro')] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [t('one')] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('nested')] }] }],
                },
              ],
            },
            { type: 'listItem', content: [{ type: 'paragraph', content: [t('two')] }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 9 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [t('nine')] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [t('ten')] }] },
          ],
        },
        {
          type: 'blockquote',
          content: [
            { type: 'paragraph', content: [t('quoted')] },
            { type: 'paragraph', content: [t('more')] },
          ],
        },
      ],
    };
    expect(noteToMarkdown(note)).toBe(
      'Intro\n\n- one\n  - nested\n- two\n\n9. nine\n10. ten\n\n> quoted\n>\n> more',
    );
  });

  it('keeps a numbered list not starting at 1 apart from the paragraph before it', () => {
    const note: NoteDoc = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [t('item')] },
                {
                  type: 'orderedList',
                  attrs: { start: 3 },
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('three')] }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(noteToMarkdown(note)).toBe('- item\n\n  3. three');
  });

  it('gives an empty string for an empty note', () => {
    expect(noteToMarkdown({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });
});
