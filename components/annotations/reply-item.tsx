'use client';
import { useState } from 'react';
import type { NoteDoc } from '@/lib/notes';
import type { ReplyView } from '@/lib/replies/types';
import { NoteEditor } from '@/components/notes/lazy-note-editor';
import { NoteView } from '@/components/notes/note-view';
import { formatNoteTime } from '@/lib/format/date-formats';

export interface ReplyActions {
  onSave: (id: string, body: NoteDoc) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onHide: (id: string, hidden: boolean) => Promise<void>;
}

/** One reply: its author, time and body (or the facilitator's placeholder), with the
 * actions this reader may take on it. */
export function ReplyItem({
  reply,
  readerId,
  actions,
}: {
  reply: ReplyView;
  readerId: string;
  actions: ReplyActions;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editDoc, setEditDoc] = useState<{ doc: NoteDoc | null; text: string }>({
    doc: reply.body,
    text: reply.bodyText,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = reply.author.id === readerId;
  const withheld = reply.hidden && reply.body === null;
  const edited = Date.parse(reply.updatedAt) - Date.parse(reply.createdAt) > 1000;

  async function run(action: () => Promise<void>, after?: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      after?.();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function save() {
    if (!editDoc.doc || editDoc.text.trim() === '') {
      setError('A reply cannot be empty. Delete it instead?');
      return;
    }
    const doc = editDoc.doc;
    void run(
      () => actions.onSave(reply.id, doc),
      () => setEditing(false),
    );
  }

  return (
    <li className={`reply${reply.hidden ? ' is-hidden' : ''}`}>
      <article aria-label={`Reply by ${reply.author.name}`}>
        <header className="reply-head">
          <span className="reply-author">
            {reply.attribution ? `${reply.attribution}, imported` : reply.author.name}
            {mine && <span className="reply-you"> (you)</span>}
          </span>
          <span className="reply-meta">
            <time dateTime={reply.createdAt}>{formatNoteTime(new Date(reply.createdAt))}</time>
            {edited && <span title={`Edited ${formatNoteTime(new Date(reply.updatedAt))}`}> · edited</span>}
          </span>
        </header>
        {withheld ? (
          <p className="reply-placeholder">Hidden by the facilitator.</p>
        ) : editing ? (
          <div className="reply-edit">
            <NoteEditor
              label="Edit reply"
              value={editDoc.doc}
              onChange={(doc, text) => setEditDoc({ doc, text })}
              onSubmit={save}
              onCancel={() => setEditing(false)}
              focusOnMount
            />
            <div className="reply-actions">
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
                Save reply
              </button>
            </div>
          </div>
        ) : (
          <>
            {reply.hidden && (
              <p className="reply-placeholder">Hidden by the facilitator (members do not see this reply).</p>
            )}
            <NoteView doc={reply.body} className="reply-body" />
          </>
        )}
        {error && (
          <p className="form-error reply-error" role="alert">
            {error}
          </p>
        )}
        {!editing && (reply.can.edit || reply.can.delete || reply.can.hide) && (
          <div className="reply-actions">
            {confirmDelete ? (
              <span className="confirm" role="group" aria-label="Confirm deletion of the reply">
                Delete this reply?{' '}
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => actions.onDelete(reply.id),
                      () => setConfirmDelete(false),
                    )
                  }
                >
                  Yes, delete
                </button>{' '}
                <button type="button" className="button button-small" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </span>
            ) : (
              <>
                {reply.can.edit && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label="Edit reply"
                    onClick={() => {
                      setEditDoc({ doc: reply.body, text: reply.bodyText });
                      setError(null);
                      setEditing(true);
                    }}
                  >
                    Edit
                  </button>
                )}
                {reply.can.delete && (
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label="Delete reply"
                    onClick={() => setConfirmDelete(true)}
                  >
                    Delete
                  </button>
                )}
                {reply.can.hide && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={reply.hidden ? 'Unhide reply' : 'Hide reply'}
                    disabled={busy}
                    onClick={() => void run(() => actions.onHide(reply.id, !reply.hidden))}
                  >
                    {reply.hidden ? 'Unhide' : 'Hide'}
                  </button>
                )}
              </>
            )}
          </div>
        )}
      </article>
    </li>
  );
}
