'use client';
// The note editor (Tiptap and ProseMirror, most of the reader page's script) is not in the
// page's first chunks: the reader's first view needs none of it. The reader requests it
// (`preloadNoteEditor`) once its highlights are on screen (docs/adr/0024-reader-clickable-sooner.md),
// so that it is there before anyone writes without competing with the first clickable highlight. Until it arrives, a placeholder of the editor's size holds its place;
// if it cannot be loaded at all (the connection dropped first), a plain-text editor takes its
// place instead of the page failing.
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { NoteDoc } from '@/lib/notes';
import { noteToPlainText } from '@/lib/notes/note-plain-text';
import type { NoteEditorProps } from './note-editor';

/** When the editor's code cannot be loaded (the connection dropped before it arrived): a
 * plain-text note, one paragraph per line, so the reader can still write and save. */
function PlainNoteEditor({
  value,
  onChange,
  label,
  placeholder,
  focusOnMount,
  onSubmit,
  onCancel,
  id,
}: NoteEditorProps) {
  const [text] = useState(() => (value ? noteToPlainText(value) : ''));
  return (
    <div className="note-editor">
      <p className="note-editor__problem" role="status">
        Formatting is unavailable until the page is reloaded online; plain text is kept.
      </p>
      <textarea
        id={id}
        className="note-editor__content note-editor__plain"
        aria-label={label}
        placeholder={placeholder}
        defaultValue={text}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- as the editor itself does on the reader's own Edit
        autoFocus={focusOnMount}
        onChange={(event) => {
          const lines = event.target.value.split('\n');
          const doc: NoteDoc = {
            type: 'doc',
            content: lines.map((line) =>
              line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
            ),
          };
          onChange(doc, event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
            event.preventDefault();
            onSubmit();
          } else if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
      />
    </div>
  );
}

const load = () =>
  import('./note-editor').then(
    (m) => m.NoteEditor,
    () => PlainNoteEditor,
  );

export const NoteEditor = dynamic<NoteEditorProps>(load, {
  ssr: false,
  loading: () => <div className="note-editor note-editor--loading" aria-busy="true" />,
});

/** Loads the editor's code ahead of its first use (idempotent). */
export function preloadNoteEditor() {
  void load();
}
