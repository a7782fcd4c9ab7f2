'use client';

import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { parseNote, type NoteDoc } from '@/lib/notes';
import { createNoteExtensions } from './note-extensions';
import { NoteEditorToolbar } from './note-editor-toolbar';

export type NoteEditorProps = {
  value: NoteDoc | null;
  onChange: (doc: NoteDoc, text: string) => void;
  label: string;
  placeholder?: string;
  /** Put the cursor in the editor when it appears (it opens on the reader's own Edit). */
  focusOnMount?: boolean;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Escape. */
  onCancel?: () => void;
  /** Set on the editable element. */
  id?: string;
};

// ProseMirror needs at least one block to place the cursor in.
const EMPTY_DOC: NoteDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

function toEditorContent(value: NoteDoc | null): NoteDoc {
  if (!value) return EMPTY_DOC;
  const parsed = parseNote(value, { checkSize: false });
  if (!parsed.ok || !parsed.doc.content?.length) return EMPTY_DOC;
  return parsed.doc;
}

function readEditor(editor: Editor): { doc: NoteDoc; text: string; problem: string | null } | null {
  const parsed = parseNote(editor.getJSON(), { checkSize: false });
  if (!parsed.ok) return null;
  const checked = parseNote(parsed.doc);
  return { doc: parsed.doc, text: parsed.text, problem: checked.ok ? null : checked.message };
}

/**
 * Rich-text editor for a note or reply. Emits the normalised document and its plain
 * text on every change; an over-long draft is still emitted (nothing typed is lost)
 * and a status line says why it cannot be saved.
 */
export function NoteEditor(props: NoteEditorProps): JSX.Element {
  const { value, label, placeholder, focusOnMount, id } = props;
  const handlers = useRef(props);
  const lastValue = useRef(JSON.stringify(value ?? null));
  const [initialContent] = useState(() => toEditorContent(value));
  // useEditor compares extensions by identity on every render.
  const extensions = useMemo(() => createNoteExtensions({ placeholder }), [placeholder]);

  useEffect(() => {
    handlers.current = props;
  });

  const editor = useEditor({
    immediatelyRender: false,
    extensions,
    content: initialContent,
    autofocus: focusOnMount ? 'end' : false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        class: 'note-editor__content',
        ...(placeholder ? { 'aria-placeholder': placeholder } : {}),
        ...(id ? { id } : {}),
      },
      handleKeyDown: (_view, event) => {
        if (event.isComposing) return false;
        const { onSubmit, onCancel } = handlers.current;
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
          event.preventDefault();
          onSubmit();
          return true;
        }
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: current }) => {
      const read = readEditor(current);
      if (!read) return;
      lastValue.current = JSON.stringify(read.doc);
      handlers.current.onChange(read.doc, read.text);
    },
  });

  // Follow `value` when it changes from outside (reset after save, another draft),
  // but not when it is only the echo of what the editor just emitted.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const incoming = JSON.stringify(value ?? null);
    if (incoming === lastValue.current) return;
    lastValue.current = incoming;
    const next = toEditorContent(value);
    const current = readEditor(editor);
    if (current && JSON.stringify(current.doc) === JSON.stringify(next)) return;
    if (!value && editor.isEmpty) return;
    editor.commands.setContent(next, { emitUpdate: false });
  }, [editor, value]);

  // Why the draft cannot be saved (e.g. too long), read from the editor on every change.
  const problem = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? (readEditor(current)?.problem ?? null) : null),
  });

  return (
    <div className="note-editor">
      <NoteEditorToolbar editor={editor} label={label} />
      <EditorContent editor={editor} className="note-editor__surface" />
      {problem && (
        <p className="note-editor__problem" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
