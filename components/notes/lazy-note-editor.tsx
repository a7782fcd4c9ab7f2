'use client';
// The note editor (Tiptap and ProseMirror, most of the reader page's script) is not in the
// page's first chunks: the reader's first view needs none of it. The reader requests it as its
// own module runs (`preloadNoteEditor`), so it downloads and compiles beside the page's
// scripts and its module runs when it arrives rather than before the hydration, and it is
// there before anyone writes, even if the connection drops right after the page loaded (a
// script requested before the load event holds that event). Until it arrives, a placeholder of
// the editor's size holds its place; if it cannot be loaded at all, the reader is told so
// instead of the page failing.
import dynamic from 'next/dynamic';
import type { NoteEditorProps } from './note-editor';

function NoteEditorUnavailable({ label }: NoteEditorProps) {
  return (
    <p className="form-error" role="alert">
      {label}: the editor could not be loaded. Check the connection and reload the page.
    </p>
  );
}

const load = () =>
  import('./note-editor').then(
    (m) => m.NoteEditor,
    () => NoteEditorUnavailable,
  );

export const NoteEditor = dynamic<NoteEditorProps>(load, {
  ssr: false,
  loading: () => <div className="note-editor note-editor--loading" aria-busy="true" />,
});

/** Loads the editor's code ahead of its first use (idempotent). */
export function preloadNoteEditor() {
  void load();
}
