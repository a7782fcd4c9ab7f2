'use client';
import { useId, useState } from 'react';
import type { NoteDoc } from '@/lib/notes';
import { NoteEditor } from '@/components/notes/lazy-note-editor';

interface Draft {
  doc: NoteDoc;
  text: string;
}

function draftKey(annotationId: string, readerId: string) {
  return `marginalia:reply-draft:${annotationId}:${readerId}`;
}

function readDraft(key: string): Draft | null {
  if (typeof window === 'undefined') return null;
  try {
    const saved = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    return saved && typeof saved.text === 'string' && saved.doc?.type === 'doc' ? saved : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: Draft | null) {
  try {
    if (draft && draft.text.trim() !== '') window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // storage full or disabled: the draft stays on screen
  }
}

/** Writes a reply. The draft survives closing the popover or a reload (localStorage), and
 * a failed send keeps it, with the server's message. Ctrl/Cmd+Enter sends. */
export function ReplyComposer({
  annotationId,
  readerId,
  onSend,
}: {
  annotationId: string;
  readerId: string;
  onSend: (body: NoteDoc) => Promise<void>;
}) {
  const key = draftKey(annotationId, readerId);
  // The composer only appears in the popover, after a click: never in a server render, so
  // the saved draft can be read at once (again when the thread is another annotation's).
  const [stored, setStored] = useState(() => ({ key, draft: readDraft(key) }));
  if (stored.key !== key) setStored({ key, draft: readDraft(key) });
  const draft = stored.draft;
  const setDraft = (next: Draft | null) => setStored({ key, draft: next });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  async function send() {
    if (busy) return;
    if (!draft || draft.text.trim() === '') {
      setError('Write a reply first.');
      return;
    }
    // The reply shows in the thread at once; the box empties, and gets the text back if
    // the send fails (the saved draft is only dropped once the server has the reply).
    const sending = draft;
    setBusy(true);
    setError(null);
    setDraft(null);
    try {
      await onSend(sending.doc);
      writeDraft(key, null);
    } catch (e) {
      setDraft(sending);
      setError(`Not sent: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="reply-composer" role="group" aria-label="Write a reply" aria-describedby={hintId}>
      <NoteEditor
        label="Reply"
        placeholder="Write a reply…"
        value={draft?.doc ?? null}
        onChange={(doc, text) => {
          const next = { doc, text };
          setDraft(next);
          writeDraft(key, next);
          if (error && text.trim() !== '') setError(null);
        }}
        onSubmit={send}
      />
      {error && (
        <p className="form-error reply-error" role="alert">
          {error}
        </p>
      )}
      <div className="reply-composer-actions">
        <span id={hintId} className="reply-hint">
          Ctrl+Enter to send
        </span>
        <button type="button" className="button button-primary button-small" onClick={send} disabled={busy}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
    </div>
  );
}
