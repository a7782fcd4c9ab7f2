'use client';

import { focusOnMount } from '@/components/focus-on-mount';
import { useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { completeHref } from '@/lib/notes';

type ToolbarState = {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  href: string;
};

const INACTIVE: ToolbarState = {
  bold: false,
  italic: false,
  bulletList: false,
  orderedList: false,
  link: false,
  href: '',
};

function readToolbarState(editor: Editor | null): ToolbarState {
  if (!editor) return INACTIVE;
  const href: unknown = editor.getAttributes('link').href;
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    link: editor.isActive('link'),
    href: typeof href === 'string' ? href : '',
  };
}

type ToolbarButton = {
  name: string;
  glyph: string;
  pressed: boolean;
  keys?: string;
  expanded?: boolean;
  run: () => void;
};

/** Formatting buttons (one tab stop, arrow keys move between them) and the link box. */
export function NoteEditorToolbar({ editor, label }: { editor: Editor | null; label: string }): JSX.Element {
  const state =
    useEditorState({ editor, selector: ({ editor: current }) => readToolbarState(current) }) ?? INACTIVE;
  const [linkOpen, setLinkOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const linkGroupId = useId();
  const errorId = useId();

  // Tiptap's focus command waits for an animation frame; keys typed meanwhile would
  // land on the link box being removed, so focus the editing surface right away too.
  const focusEditor = () => {
    if (!editor || editor.isDestroyed) return;
    editor.view.focus();
    editor.commands.focus();
  };

  const closeLink = () => {
    setLinkOpen(false);
    setError(null);
    focusEditor();
  };

  const openLink = () => {
    if (linkOpen) return closeLink();
    setDraft(state.href);
    setError(null);
    setLinkOpen(true);
  };

  const applyLink = () => {
    if (!editor) return;
    if (draft.trim() === '') {
      if (editor.isActive('link')) editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return closeLink();
    }
    const href = completeHref(draft);
    if (!href) {
      setError('Enter a web address (https://…) or an email address.');
      return;
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the link text; typing after it
      // should not extend the link.
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .unsetMark('link')
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    closeLink();
  };

  const removeLink = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    closeLink();
  };

  const buttons: ToolbarButton[] = [
    {
      name: 'Bold',
      glyph: 'B',
      pressed: state.bold,
      keys: 'Control+B Meta+B',
      run: () => editor?.chain().focus().toggleBold().run(),
    },
    {
      name: 'Italic',
      glyph: 'I',
      pressed: state.italic,
      keys: 'Control+I Meta+I',
      run: () => editor?.chain().focus().toggleItalic().run(),
    },
    {
      name: 'Bulleted list',
      glyph: '•',
      pressed: state.bulletList,
      run: () => editor?.chain().focus().toggleBulletList().run(),
    },
    {
      name: 'Numbered list',
      glyph: '1.',
      pressed: state.orderedList,
      run: () => editor?.chain().focus().toggleOrderedList().run(),
    },
    { name: 'Link', glyph: 'Link', pressed: state.link, expanded: linkOpen, run: openLink },
  ];

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? focusIndex === last
          ? 0
          : focusIndex + 1
        : event.key === 'ArrowLeft'
          ? focusIndex === 0
            ? last
            : focusIndex - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttonRefs.current[next]?.focus();
  };

  return (
    <>
      <div
        className="note-editor__toolbar"
        role="toolbar"
        aria-label={`${label}: formatting`}
        onKeyDown={moveFocus}
      >
        {buttons.map((button, index) => (
          <button
            key={button.name}
            ref={(element) => {
              buttonRefs.current[index] = element;
            }}
            type="button"
            className="note-editor__button"
            aria-label={button.name}
            title={button.name}
            aria-pressed={button.pressed}
            aria-expanded={button.expanded}
            aria-controls={button.expanded ? linkGroupId : undefined}
            aria-keyshortcuts={button.keys}
            tabIndex={index === focusIndex ? 0 : -1}
            disabled={!editor}
            onFocus={() => setFocusIndex(index)}
            // Keep the text selection in the editor while the button is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={button.run}
          >
            <span aria-hidden="true">{button.glyph}</span>
          </button>
        ))}
      </div>
      {linkOpen && (
        <div id={linkGroupId} className="note-editor__link" role="group" aria-label="Link">
          <input
            className="note-editor__link-input"
            type="url"
            inputMode="url"
            aria-label="Link address"
            placeholder="https://"
            value={draft}
            ref={focusOnMount}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              } else if (event.key === 'Escape') {
                // Close only the link box, not a dialog the editor sits in.
                event.preventDefault();
                event.stopPropagation();
                closeLink();
              }
            }}
          />
          <button type="button" className="note-editor__link-apply" onClick={applyLink}>
            Apply
          </button>
          {state.link && (
            <button type="button" className="note-editor__link-remove" onClick={removeLink}>
              Remove link
            </button>
          )}
          <button type="button" className="note-editor__link-cancel" onClick={closeLink}>
            Cancel
          </button>
          {error && (
            <p id={errorId} className="note-editor__link-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </>
  );
}
