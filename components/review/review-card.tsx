'use client';
import { useId, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import { AnnotationCard, type CardActions } from '@/components/annotations/annotation-card';
import { ReplyThread } from '@/components/annotations/reply-thread';
import type { LocalAnnotation } from '@/components/reader/use-annotations';

const INTERACTIVE = 'button, a, input, select, textarea, label, [contenteditable="true"], .replies';

/** One card of the review panel: the annotation (edit, delete, hide as in the popover),
 * its thread (open, reply, edit, hide) and the way to its passage. Clicking the card
 * anywhere but on a control also shows the passage. */
export function ReviewCard({
  annotation: a,
  orphan,
  label,
  tags,
  groups,
  actions,
  readerId,
  readerName,
  active,
  fresh,
  onShow,
  onReattach,
  onThreadOpen,
}: {
  annotation: LocalAnnotation;
  orphan: boolean;
  label?: string;
  tags: TagView[];
  groups: { id: string; name: string }[];
  actions: CardActions;
  readerId: string;
  readerName: string;
  active: boolean;
  fresh: boolean;
  onShow: (a: LocalAnnotation) => void;
  onReattach: (a: LocalAnnotation) => void;
  onThreadOpen: (a: LocalAnnotation) => void;
}) {
  const [threadOpen, setThreadOpen] = useState(false);
  const threadId = useId();
  return (
    // Clicking the card is a shortcut for its "Show in text" button, which keyboard and
    // screen-reader users reach directly; the card itself is not a control.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      className={`review-card-body${fresh ? ' is-new' : ''}`}
      onClick={(event) => {
        if (orphan || (event.target as Element).closest(INTERACTIVE)) return;
        onShow(a);
      }}
    >
      {fresh && <span className="card-new">New</span>}
      <AnnotationCard
        annotation={a}
        tags={tags}
        label={orphan ? 'Orphan' : label}
        actions={actions}
        groups={groups}
      >
        <div className="card-actions card-links">
          {orphan ? (
            a.can.edit && (
              <button type="button" className="button button-small" onClick={() => onReattach(a)}>
                Re-attach to selection
              </button>
            )
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => onShow(a)}
              aria-label={`Show in text: ${a.target.exact.slice(0, 60)}`}
              aria-current={active ? 'true' : undefined}
            >
              Show in text
            </button>
          )}
          {!a.local && (
            <button
              type="button"
              className="button button-small"
              aria-expanded={threadOpen}
              aria-controls={threadId}
              onClick={() => {
                if (!threadOpen) onThreadOpen(a);
                setThreadOpen(!threadOpen);
              }}
            >
              {threadOpen ? 'Hide replies' : a.replyCount === 0 ? 'Reply' : `Replies (${a.replyCount})`}
            </button>
          )}
        </div>
        <div id={threadId}>
          {threadOpen && !a.local && (
            <ReplyThread
              annotationId={a.id}
              canReply={a.can.reply}
              readerId={readerId}
              readerName={readerName}
            />
          )}
        </div>
      </AnnotationCard>
    </div>
  );
}
