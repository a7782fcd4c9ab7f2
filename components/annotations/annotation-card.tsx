'use client';
import { useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { NoteDoc } from '@/lib/notes';
import { NoteEditor } from '@/components/notes/lazy-note-editor';
import { NoteView } from '@/components/notes/note-view';
import { LinkButton } from '@/components/links/link-button';
import { VisibilitySelect } from './visibility-select';
import { TagSwatch } from '@/components/reader/tag-styles';
import type { LocalAnnotation } from '@/components/reader/use-annotations';
import { ApiError } from '@/lib/client/api';
import { revisionOf } from '@/lib/client/endpoints';
import { formatNoteTime } from '@/lib/format/date-formats';

export interface CardActions {
  onSaveEdit: (
    id: string,
    patch: { tags: string[]; note: NoteDoc | null; groupId: string | null; rev: number },
  ) => Promise<unknown>;
  onDelete: (id: string) => Promise<unknown>;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
  /** facilitators: hide a note from the group's members, or show it again */
  onHide?: (id: string, hidden: boolean) => Promise<unknown>;
}

export function AnnotationCard({
  annotation: a,
  tags,
  label,
  actions,
  groups = [],
  children,
}: {
  annotation: LocalAnnotation;
  tags: TagView[];
  label?: string;
  actions: CardActions;
  groups?: { id: string; name: string }[];
  children?: React.ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editTags, setEditTags] = useState(a.tags);
  const [editNote, setEditNote] = useState<NoteDoc | null>(a.note);
  const [editGroup, setEditGroup] = useState<string | null>(a.group?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));

  async function save() {
    if (editTags.length === 0) {
      setError('Pick at least one tag.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actions.onSaveEdit(a.id, {
        tags: editTags,
        note: editNote,
        groupId: editGroup,
        rev: revisionOf(a),
      });
      setEditing(false);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? 'Someone changed this annotation meanwhile. Reload the page to see the latest version; your text is still here.'
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={`annotation-card${a.local ? ' is-unsaved' : ''}`}
      aria-label={`Annotation by ${a.author.name}`}
    >
      <header className="card-head">
        <span className="card-author">{a.author.name}</span>
        {label && <span className="card-label">{label}</span>}
        <span className="card-meta">
          {a.group ? a.group.name : 'Private'} ·{' '}
          <time dateTime={a.createdAt}>{formatNoteTime(new Date(a.createdAt))}</time>
        </span>
      </header>
      <blockquote className="card-quote">
        {a.target.exact.length > 280 ? `${a.target.exact.slice(0, 280)}…` : a.target.exact}
      </blockquote>
      {!editing && (
        <ul className="card-tags" aria-label="Tags">
          {a.tags.map((slug) => (
            <li key={slug}>
              <TagSwatch tag={tagBySlug.get(slug) ?? { slug, name: slug }} />
            </li>
          ))}
        </ul>
      )}
      {a.hidden && !a.can.edit && !a.can.hide ? (
        <p className="muted">Hidden by the facilitator.</p>
      ) : editing ? (
        <div className="card-edit">
          <div className="toolbar-tags" role="group" aria-label="Tags">
            {tags
              .filter((t) => !t.retired || a.tags.includes(t.slug))
              .map((t) => (
                <button
                  key={t.id}
                  type="button"
                  className="tag-toggle"
                  aria-pressed={editTags.includes(t.slug)}
                  onClick={() =>
                    setEditTags((cur) =>
                      cur.includes(t.slug) ? cur.filter((s) => s !== t.slug) : [...cur, t.slug],
                    )
                  }
                >
                  <TagSwatch tag={t} />
                </button>
              ))}
          </div>
          <NoteEditor
            label="Edit note"
            value={editNote}
            onChange={(doc) => setEditNote(doc)}
            onSubmit={save}
            onCancel={() => setEditing(false)}
            focusOnMount
          />
          <VisibilitySelect
            className="toolbar-visibility"
            value={editGroup}
            groups={groups}
            onChange={setEditGroup}
          />
          <div className="card-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing(false)}
              disabled={busy}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary button-small"
              onClick={save}
              disabled={busy}
            >
              Save changes
            </button>
          </div>
        </div>
      ) : (
        <>
          {a.hidden && <p className="muted">Hidden by the facilitator (members do not see this note).</p>}
          <NoteView doc={a.note} className="card-note" />
        </>
      )}
      {a.local && (
        <p
          className={a.local.state === 'failed' ? 'form-error' : 'muted'}
          role={a.local.state === 'failed' ? 'alert' : 'status'}
        >
          {a.local.message ?? 'Saving…'}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        {a.local?.state === 'failed' && (
          <>
            <button type="button" className="button button-small" onClick={() => actions.onRetry(a.id)}>
              Retry
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => actions.onDiscard(a.id)}
            >
              Discard
            </button>
          </>
        )}
        {!a.local && a.can.edit && !editing && !confirmDelete && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setEditTags(a.tags);
              setEditNote(a.note);
              setEditGroup(a.group?.id ?? null);
              setEditing(true);
            }}
          >
            Edit
          </button>
        )}
        {!a.local && a.can.delete && !editing && !confirmDelete && (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => setConfirmDelete(true)}
          >
            Delete
          </button>
        )}
        {!a.local && !editing && !confirmDelete && <LinkButton annotation={a} groups={groups} />}
        {!a.local && a.can.hide && actions.onHide && !editing && (
          <button
            type="button"
            className="button button-small"
            onClick={async () => {
              try {
                await actions.onHide!(a.id, !a.hidden);
              } catch (e) {
                setError((e as Error).message);
              }
            }}
          >
            {a.hidden ? 'Show to members' : 'Hide from members'}
          </button>
        )}
        {confirmDelete && (
          <span className="confirm" role="group" aria-label="Confirm deletion">
            Delete this annotation?{' '}
            <button
              type="button"
              className="button button-small button-danger"
              onClick={async () => {
                try {
                  await actions.onDelete(a.id);
                } catch (e) {
                  setError((e as Error).message);
                  setConfirmDelete(false);
                }
              }}
            >
              Yes, delete
            </button>{' '}
            <button type="button" className="button button-small" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </span>
        )}
      </div>
      {children}
    </article>
  );
}
