'use client';
import { useId, useState } from 'react';
import type { NoteDoc } from '@/lib/notes';
import { ReplyComposer } from './reply-composer';
import { ReplyItem, type ReplyActions } from './reply-item';
import { useReplies } from './use-replies';
import './replies.css';

export interface ReplyThreadProps {
  annotationId: string;
  /** the annotation's `can.reply` */
  canReply: boolean;
  readerId: string;
  /** shown on a reply while it is being sent */
  readerName: string;
}

/** The replies under an annotation, oldest first, and a composer to add one. Live changes
 * arrive by the thread's query being invalidated (see use-reader-sync.ts). */
export function ReplyThread({ annotationId, canReply, readerId, readerName }: ReplyThreadProps) {
  const { thread, send, save, remove, hide } = useReplies(annotationId, { id: readerId, name: readerName });
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();
  const replies = thread.data ?? null;

  const actions: ReplyActions = {
    onSave: async (id, body) => {
      await save(id, body);
      setAnnouncement('Reply saved.');
    },
    // The reply leaves the list at once; if the server refuses, it comes back with the reason.
    onDelete: async (id) => {
      setFailure(null);
      try {
        await remove(id);
        setAnnouncement('Reply deleted.');
      } catch (e) {
        setFailure(`The reply was not deleted: ${(e as Error).message}`);
      }
    },
    onHide: async (id, hidden) => {
      await hide(id, hidden);
      setAnnouncement(hidden ? 'Reply hidden from members.' : 'Reply shown again.');
    },
  };

  async function onSend(body: NoteDoc) {
    await send(body);
    setAnnouncement('Reply sent.');
  }

  return (
    <section className="replies" aria-labelledby={headingId}>
      <h3 id={headingId} className="replies-title">
        {replies && replies.length > 0 ? `Replies (${replies.length})` : 'Replies'}
      </h3>
      {thread.isPending && <p className="replies-status">Loading replies…</p>}
      {thread.isError && !replies && (
        <p className="form-error reply-error" role="alert">
          The replies could not be loaded: {thread.error.message}{' '}
          <button type="button" className="button button-small" onClick={() => void thread.refetch()}>
            Try again
          </button>
        </p>
      )}
      {failure && (
        <p className="form-error reply-error" role="alert">
          {failure}
        </p>
      )}
      {replies && replies.length === 0 && !canReply && <p className="replies-status">No replies yet.</p>}
      {replies && replies.length > 0 && (
        <ol className="replies-list">
          {replies.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} readerId={readerId} actions={actions} />
          ))}
        </ol>
      )}
      {canReply && <ReplyComposer annotationId={annotationId} readerId={readerId} onSend={onSend} />}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </section>
  );
}
