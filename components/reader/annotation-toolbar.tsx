'use client';
import { useEffect, useId, useRef } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { NoteDoc } from '@/lib/notes';
import { NoteEditor } from '@/components/notes/lazy-note-editor';
import { TagSwatch } from './tag-styles';
import './reader-sheets.css';
import { VisibilitySelect } from '@/components/annotations/visibility-select';

export interface Draft {
  tags: string[];
  note: NoteDoc | null;
  noteText: string;
  groupId: string | null;
  quote: string;
}

interface Props {
  draft: Draft;
  tags: TagView[];
  groups: { id: string; name: string }[];
  position: { top: number; left: number };
  error: string | null;
  restored: boolean;
  focusOnOpen: boolean;
  onChange: (draft: Draft) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** The toolbar that appears at a selection: tags (keys 1, 2, 3…), note, visibility, save. */
export function AnnotationToolbar({
  draft,
  tags,
  groups,
  position,
  error,
  restored,
  focusOnOpen,
  onChange,
  onSave,
  onCancel,
}: Props) {
  const firstButton = useRef<HTMLButtonElement>(null);
  const audienceId = useId();
  const audience = groups.find((g) => g.id === draft.groupId);
  useEffect(() => {
    if (focusOnOpen) firstButton.current?.focus({ preventScroll: true });
  }, [focusOnOpen]);

  const toggle = (slug: string) =>
    onChange({
      ...draft,
      tags: draft.tags.includes(slug) ? draft.tags.filter((t) => t !== slug) : [...draft.tags, slug],
    });
  const quote = draft.quote.length > 90 ? `${draft.quote.slice(0, 90)}…` : draft.quote;

  return (
    // A dialog that handles Escape and its tag keys is the WAI-ARIA dialog pattern; the rule
    // counts role="dialog" as non-interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      className="annotation-toolbar"
      role="dialog"
      aria-label="Annotate the selected passage"
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        const inText = (event.target as HTMLElement).closest(
          '[contenteditable="true"], input, select, textarea',
        );
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        } else if (
          /^[1-9]$/.test(event.key) &&
          !inText &&
          !event.ctrlKey &&
          !event.metaKey &&
          !event.altKey
        ) {
          const tag = tags[Number(event.key) - 1];
          if (tag) {
            event.preventDefault();
            toggle(tag.slug);
          }
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSave();
        }
      }}
    >
      <p className="toolbar-quote">
        <span className="visually-hidden">Selected: </span>“{quote}”
      </p>
      {restored && <p className="notice">Your unsaved note was restored.</p>}
      <div className="toolbar-tags" role="group" aria-label="Tags">
        {tags.map((tag, i) => (
          <button
            key={tag.id}
            ref={i === 0 ? firstButton : undefined}
            type="button"
            className="tag-toggle"
            aria-pressed={draft.tags.includes(tag.slug)}
            aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            onClick={() => toggle(tag.slug)}
          >
            <TagSwatch tag={tag} />
            {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
          </button>
        ))}
      </div>
      <NoteEditor
        label="Note"
        placeholder="Why does this passage matter? (optional)"
        value={draft.note}
        onChange={(note, noteText) => onChange({ ...draft, note, noteText })}
        onSubmit={onSave}
        onCancel={onCancel}
      />
      <div className="toolbar-actions">
        <VisibilitySelect
          className="toolbar-visibility"
          value={draft.groupId}
          groups={groups}
          onChange={(groupId) => onChange({ ...draft, groupId })}
        />
        <button type="button" className="button" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onSave}
          aria-keyshortcuts="Control+Enter"
          aria-describedby={audienceId}
        >
          Save
        </button>
      </div>
      {/* Said in words before saving: a note nobody sees is the costly mistake. */}
      <p id={audienceId} className="toolbar-audience" data-shared={audience ? 'group' : 'private'}>
        {audience ? (
          <>
            Members of <strong>{audience.name}</strong> will see this note.
          </>
        ) : (
          <>
            <strong>Only you</strong> will see this note.
          </>
        )}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
