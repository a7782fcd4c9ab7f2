import { describe, expect, it } from 'vitest';
import { isEmptyNote, noteToPlainText, plainTextToNote, type NoteDoc } from '@/lib/notes';

const doc = (...content: NonNullable<NoteDoc['content']>): NoteDoc => ({ type: 'doc', content });

describe('noteToPlainText', () => {
  it('puts paragraphs and hard breaks on their own lines and trims', () => {
    const note = doc(
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '  First' },
          { type: 'hardBreak' },
          { type: 'text', text: 'line two' },
        ],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' then plain ' },
        ],
      },
    );
    expect(noteToPlainText(note)).toBe('First\nline two\nBold then plain');
  });

  it('prefixes list items and indents nested ones', () => {
    const note = doc({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'outer' }] },
            {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }],
                },
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fourth' }] }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(noteToPlainText(note)).toBe('- outer\n  3. third\n  4. fourth');
  });

  it('keeps the text of quotes without markup', () => {
    const note = doc({
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }],
    });
    expect(noteToPlainText(note)).toBe('quoted');
  });
});

describe('plainTextToNote', () => {
  it('makes one paragraph per line and survives the way back', () => {
    const text = 'First line\n\nThird line with *stars* and <tags>';
    const note = plainTextToNote(text);
    expect(note.content).toHaveLength(3);
    expect(note.content?.[1]).toEqual({ type: 'paragraph' });
    expect(noteToPlainText(note)).toBe(text);
  });

  it('accepts Windows line endings and drops leading and trailing blank lines', () => {
    expect(noteToPlainText(plainTextToNote('\r\n\r\nOne\r\nTwo\r\n\r\n'))).toBe('One\nTwo');
  });

  it('gives an empty note for blank text', () => {
    expect(plainTextToNote('  \n \n')).toEqual({ type: 'doc', content: [] });
    expect(isEmptyNote(plainTextToNote(''))).toBe(true);
  });
});

describe('isEmptyNote', () => {
  it('is true for nothing, blank paragraphs, breaks and empty list items', () => {
    expect(isEmptyNote(null)).toBe(true);
    expect(isEmptyNote(undefined)).toBe(true);
    expect(isEmptyNote({ type: 'doc' })).toBe(true);
    expect(
      isEmptyNote(
        doc(
          { type: 'paragraph' },
          { type: 'paragraph', content: [{ type: 'hardBreak' }, { type: 'text', text: '   ' }] },
        ),
      ),
    ).toBe(true);
    expect(
      isEmptyNote(
        doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }),
      ),
    ).toBe(true);
  });

  it('is false as soon as there is a visible character', () => {
    expect(
      isEmptyNote(
        doc({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '.' }] }] }),
      ),
    ).toBe(false);
  });
});
