import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/react';
import { parseNote, type NoteDoc } from '@/lib/notes';
import { createNoteExtensions } from './note-extensions';

// A headless editor (no DOM) with the exact extensions the NoteEditor uses: what a
// reader can write must pass parseNote, and what parseNote returns must load back.
let editor: Editor | null = null;
// Content always as JSON: Tiptap parses strings as HTML, which needs a DOM.
const createEditor = (content: NoteDoc = { type: 'doc', content: [{ type: 'paragraph' }] }) => {
  editor = new Editor({ element: null, extensions: createNoteExtensions(), content });
  return editor;
};
afterEach(() => editor?.destroy());

const EVERYTHING: NoteDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'gone', marks: [{ type: 'strike' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'code', marks: [{ type: 'code' }] },
        { type: 'text', text: ' ' },
        {
          type: 'text',
          text: 'link',
          marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'italic' }],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'item' }] },
            {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quote' }] }] },
    { type: 'paragraph' },
  ],
};

describe('note editor schema', () => {
  it('loads every allowed node and mark and gives back the same note', () => {
    const loaded = createEditor(EVERYTHING);
    expect(() => loaded.state.doc.check()).not.toThrow();
    const result = parseNote(loaded.getJSON());
    expect(result.ok && result.doc).toEqual(EVERYTHING);
  });

  it('produces notes that parseNote accepts when formatting is applied', () => {
    const current = createEditor();
    current.chain().insertContent({ type: 'text', text: 'A claim' }).selectAll().toggleBold().run();
    current
      .chain()
      .setTextSelection(current.state.doc.content.size - 1)
      .unsetBold()
      .insertContent({ type: 'text', text: ' with more' })
      .toggleBulletList()
      .run();
    current.chain().selectAll().setLink({ href: 'mailto:ada@example.org' }).run();
    const result = parseNote(current.getJSON());
    expect(result.ok).toBe(true);
    expect(result.ok && result.text).toBe('- A claim with more');
    expect(JSON.stringify(result.ok && result.doc)).toContain('mailto:ada@example.org');
  });

  it('refuses to set links parseNote would reject', () => {
    const current = createEditor();
    current.chain().insertContent({ type: 'text', text: 'click' }).selectAll().run();
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '/relative', ' https://example.org']) {
      expect(current.commands.setLink({ href })).toBe(false);
    }
    expect(current.isActive('link')).toBe(false);
  });

  it('has no headings, code blocks, rules or underline', () => {
    const names = Object.keys(createEditor().schema.nodes).concat(Object.keys(editor!.schema.marks));
    expect(names.sort()).toEqual(
      [
        'blockquote',
        'bold',
        'bulletList',
        'code',
        'doc',
        'hardBreak',
        'italic',
        'link',
        'listItem',
        'orderedList',
        'paragraph',
        'strike',
        'text',
      ].sort(),
    );
  });
});
