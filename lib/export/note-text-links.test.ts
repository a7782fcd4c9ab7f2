import { describe, expect, it } from 'vitest';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import type { NoteDoc } from '@/lib/notes/note-types';
import { noteTextWithLinks } from './note-text-links';

const link = (text: string, href: string) => ({
  type: 'text' as const,
  text,
  marks: [{ type: 'link' as const, attrs: { href } }],
});

describe('noteTextWithLinks', () => {
  it('writes a link’s address after its text, and lists as lines', () => {
    expect(noteTextWithLinks(formattedNote, '')).toBe(
      'This is the crux, see the source (https://example.org/source)\n- first point\n- second point',
    );
  });

  it('joins a link split over bold and plain runs, and does not repeat a bare address', () => {
    const doc: NoteDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'see ', marks: [{ type: 'link', attrs: { href: 'https://a.test/' } }] },
            {
              type: 'text',
              text: 'this',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://a.test/' } }],
            },
            { type: 'text', text: ' and ' },
            link('https://b.test/x', 'https://b.test/x'),
            { type: 'hardBreak' },
            link('next', 'https://c.test/'),
          ],
        },
      ],
    };
    expect(noteTextWithLinks(doc, '')).toBe(
      'see this (https://a.test/) and https://b.test/x\nnext (https://c.test/)',
    );
  });

  it('falls back to the stored plain text without a document', () => {
    expect(noteTextWithLinks(null, 'plain')).toBe('plain');
  });
});
