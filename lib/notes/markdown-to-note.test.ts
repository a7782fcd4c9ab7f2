import { describe, expect, it } from 'vitest';
import { markdownToNote } from './markdown-to-note';
import { parseNote } from './note-schema';

function note(markdown: string) {
  const parsed = parseNote(markdownToNote(markdown));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.doc.content ?? [];
}

describe('markdownToNote', () => {
  it('keeps bold, italics, lists and link URLs', () => {
    expect(
      note(
        'A **bold** and _italic_ [link](https://example.org/x "t").\n\n- one\n- two\n\n1. first\n2. second',
      ),
    ).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' ' },
          { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org/x' } }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'bulletList',
        content: ['one', 'two'].map((t) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
        })),
      },
      {
        type: 'orderedList',
        content: ['first', 'second'].map((t) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
        })),
      },
    ]);
  });

  it('keeps single line breaks, as Hypothesis shows them, and links bare URLs', () => {
    expect(note('line one\nline two https://example.org')).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'line one' },
          { type: 'hardBreak' },
          { type: 'text', text: 'line two ' },
          {
            type: 'text',
            text: 'https://example.org',
            marks: [{ type: 'link', attrs: { href: 'https://example.org' } }],
          },
        ],
      },
    ]);
  });

  it('shows raw HTML as text and refuses script links', () => {
    const [first, second] = note(
      '<b onmouseover="x()">raw</b> <script>alert(1)</script>\n\n[x](javascript:alert(1))',
    );
    expect(first).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: '<b onmouseover="x()">raw</b> <script>alert(1)</script>' }],
    });
    expect(JSON.stringify(second)).not.toContain('"link"');
  });
});
