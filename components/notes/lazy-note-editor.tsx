'use client';
// The note editor (Tiptap and ProseMirror, most of the reader page's script) is not in the
// page's first chunks: the reader's first view needs none of it. The reader asks for it once
// hydrated (`preloadNoteEditor`), while its highlights load, so it is there before anyone
// writes, even if the connection drops right after the page loaded (a dynamic script
// requested before the load event also holds that event). Until it arrives, a placeholder of
// the editor's size holds its place.
import dynamic from 'next/dynamic';
import type { NoteEditorProps } from './note-editor';

const load = () => import('./note-editor').then((m) => m.NoteEditor);

export const NoteEditor = dynamic<NoteEditorProps>(load, {
  ssr: false,
  loading: () => <div className="note-editor note-editor--loading" aria-busy="true" />,
});

/** Loads the editor's code ahead of its first use (idempotent). */
export function preloadNoteEditor() {
  void load();
}
