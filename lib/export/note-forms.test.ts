import { describe, expect, it } from 'vitest';
import { noteToHtml, type NoteDoc } from '@/lib/notes';
import { noteForms } from './note-forms';
import { noteTextWithLinks } from './note-text-links';

const doc: NoteDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '=A1, "quoted" ' },
        { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '# item *' }] }] },
      ],
    },
  ],
};

describe('noteForms', () => {
  it('are the CSV text, Markdown and HTML the formatters write for the note', () => {
    const forms = noteForms(doc, 'plain');
    expect(forms.csv).toBe(noteTextWithLinks(doc, 'plain'));
    expect(forms.html).toBe(noteToHtml(doc));
    expect(forms.markdown).toContain('\\# item \\*');
  });

  it('fall back to the plain text without a document', () => {
    expect(noteForms(null, 'a *b*\n\nc')).toEqual({
      csv: 'a *b*\n\nc',
      markdown: 'a \\*b\\*\n\nc',
      html: '',
    });
    expect(noteForms(null, '')).toEqual({ csv: '', markdown: '', html: '' });
  });
});
