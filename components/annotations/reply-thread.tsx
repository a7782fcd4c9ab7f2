'use client';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReplyView } from '@/lib/replies/types';
import { replyApi } from './reply-api';
import { ReplyComposer } from './reply-composer';
import { ReplyItem, type ReplyActions } from './reply-item';
import './replies.css';

export interface ReplyThreadProps {
  annotationId: string;
  /** the annotation's `can.reply` */
  canReply: boolean;
  readerId: string;
  /** bump it (e.g. on a live `reply` event) to load the thread again */
  refreshKey?: number | string;
  /** told how many replies the thread now has, e.g. to update a count elsewhere */
  onCountChange?: (count: number) => void;
}

/** The replies under an annotation, oldest first, and a composer to add one. */
export function ReplyThread({
  annotationId,
  canReply,
  readerId,
  refreshKey,
  onCountChange,
}: ReplyThreadProps) {
  const [replies, setReplies] = useState<ReplyView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const latestRequest = useRef(0);
  const countChange = useRef(onCountChange);

  useEffect(() => {
    countChange.current = onCountChange;
  });

  useEffect(() => {
    // Only the latest load may write: a slow answer must not undo a newer one.
    const request = ++latestRequest.current;
    replyApi.list(annotationId).then(
      ({ replies: loaded }) => {
        if (request !== latestRequest.current) return;
        setReplies(loaded);
        setLoadError(null);
      },
      (error: Error) => {
        if (request === latestRequest.current) setLoadError(error.message);
      },
    );
  }, [annotationId, refreshKey, reloads]);

  const count = replies?.length;
  useEffect(() => {
    if (count !== undefined) countChange.current?.(count);
  }, [count]);

  // Local changes apply at once; the live stream's refresh then confirms them.
  const change = useCallback((fn: (list: ReplyView[]) => ReplyView[]) => {
    latestRequest.current++;
    setReplies((list) => fn(list ?? []));
  }, []);

  const actions: ReplyActions = {
    onSave: async (id, body) => {
      const { reply } = await replyApi.update(id, body);
      change((list) => list.map((r) => (r.id === id ? reply : r)));
      setAnnouncement('Reply saved.');
    },
    onDelete: async (id) => {
      await replyApi.remove(id);
      change((list) => list.filter((r) => r.id !== id));
      setAnnouncement('Reply deleted.');
    },
    onHide: async (id, hidden) => {
      const { reply } = await replyApi.hide(id, hidden);
      change((list) => list.map((r) => (r.id === id ? reply : r)));
      setAnnouncement(hidden ? 'Reply hidden from members.' : 'Reply shown again.');
    },
  };

  async function send(body: Parameters<typeof replyApi.create>[1]) {
    const { reply } = await replyApi.create(annotationId, body);
    change((list) => (list.some((r) => r.id === reply.id) ? list : [...list, reply]));
    setAnnouncement('Reply sent.');
  }

  return (
    <section className="replies" aria-labelledby={headingId}>
      <h3 id={headingId} className="replies-title">
        {replies && replies.length > 0 ? `Replies (${replies.length})` : 'Replies'}
      </h3>
      {replies === null && !loadError && <p className="replies-status">Loading replies…</p>}
      {loadError && (
        <p className="form-error reply-error" role="alert">
          The replies could not be loaded: {loadError}{' '}
          <button type="button" className="button button-small" onClick={() => setReloads((n) => n + 1)}>
            Try again
          </button>
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
      {canReply && <ReplyComposer annotationId={annotationId} readerId={readerId} onSend={send} />}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </section>
  );
}
