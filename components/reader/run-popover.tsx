'use client';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TagView } from '@/lib/annotations/types';
import { AnnotationCard, type CardActions } from '@/components/annotations/annotation-card';
import { ReplyThread } from '@/components/annotations/reply-thread';
import type { LocalAnnotation } from './use-annotations';

/** Lists every annotation under a clicked highlight run. Focus moves in, Escape closes
 * and focus returns to the highlight. */
export function RunPopover({
  anchorElement,
  annotations,
  tags,
  labels,
  actions,
  groups,
  readerId,
  readerName,
  onClose,
}: {
  anchorElement: HTMLElement;
  annotations: LocalAnnotation[];
  tags: TagView[];
  labels: Map<string, string>;
  actions: CardActions;
  groups: { id: string; name: string }[];
  readerId: string;
  readerName: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);

  // Placed under the highlight, measured before the first paint.
  useLayoutEffect(() => {
    const popover = ref.current;
    if (!popover) return;
    const rect = anchorElement.getBoundingClientRect();
    const width = Math.min(440, window.innerWidth - 24);
    const left = Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - width - 12);
    popover.style.top = `${rect.bottom + window.scrollY + 8}px`;
    popover.style.left = `${Math.max(12, left)}px`;
  }, [anchorElement]);

  useEffect(() => {
    ref.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node) && !anchorElement.contains(event.target as Node))
        onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      if (anchorElement.isConnected) anchorElement.focus({ preventScroll: true });
    };
  }, [anchorElement, onClose]);

  useEffect(() => {
    if (annotations.length === 0) onClose();
  }, [annotations.length, onClose]);

  return (
    // Escape closes the dialog (the WAI-ARIA dialog pattern); the rule counts role="dialog"
    // as non-interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={ref}
      className="run-popover"
      role="dialog"
      aria-label={
        annotations.length === 1
          ? 'Annotation on this passage'
          : `${annotations.length} annotations on this passage`
      }
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="popover-head">
        <strong>{annotations.length === 1 ? '1 annotation' : `${annotations.length} annotations`}</strong>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={onClose}
          aria-label="Close"
        >
          ×
        </button>
      </div>
      {annotations.map((a) => (
        <AnnotationCard
          key={a.id}
          annotation={a}
          tags={tags}
          label={labels.get(a.target.start.block)}
          actions={actions}
          groups={groups}
        >
          {!a.local && (
            <ReplyThread
              annotationId={a.id}
              canReply={a.can.reply}
              readerId={readerId}
              readerName={readerName}
            />
          )}
        </AnnotationCard>
      ))}
    </div>
  );
}
