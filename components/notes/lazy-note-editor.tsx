'use client';
// The note editor (Tiptap and ProseMirror, most of the reader page's script) is loaded on
// first use, not with the page: the reader's first view needs none of it. The page asks for
// it once the highlights are painted (`preloadNoteEditor`), so it is there before anyone
// writes; until it arrives, a placeholder of the editor's size holds its place.
import dynamic from 'next/dynamic';
import type { NoteEditorProps } from './note-editor';

const load = () => import('./note-editor').then((m) => m.NoteEditor);

export const NoteEditor = dynamic<NoteEditorProps>(load, {
  ssr: false,
  loading: () => <div className="note-editor note-editor--loading" aria-busy="true" />,
});

/** Loads the editor's code ahead of its first use, when the page is next idle (idempotent). */
export function preloadNoteEditor() {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void load(), { timeout: 2000 });
  else setTimeout(() => void load(), 200);
}
