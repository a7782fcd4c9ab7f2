'use client';
import type { VirtualElement } from '@floating-ui/react';
import { useEffect, useRef } from 'react';
import type { TagView } from '@/lib/annotations/types';
import { AnnotationCard, type CardActions } from '@/components/annotations/annotation-card';
import { ReplyThread } from '@/components/annotations/reply-thread';
import { useFloatingPlace } from './floating-place';
import type { LocalAnnotation } from './use-annotations';
import { useSmallScreen } from './use-small-screen';
import './reader-sheets.css';

/** What the popover is anchored to: the highlight the reader activated, or anything that
 * can say where it is on screen. */
export type PopoverAnchor = HTMLElement | VirtualElement;

function returnFocus(anchor: PopoverAnchor) {
  if (anchor instanceof HTMLElement && anchor.isConnected) anchor.focus({ preventScroll: true });
}

/** Lists every annotation under a clicked highlight run, next to it (a bottom sheet on a
 * phone). It never moves the page: it is placed before it takes focus, and takes it
 * without scrolling. Escape closes it and focus returns to the highlight. */
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
  anchorElement: PopoverAnchor;
  annotations: LocalAnnotation[];
  tags: TagView[];
  labels: Map<string, string>;
  actions: CardActions;
  groups: { id: string; name: string }[];
  readerId: string;
  readerName: string;
  onClose: () => void;
}) {
  const sheet = useSmallScreen();
  const { refs, floatingStyles, isPositioned } = useFloatingPlace(anchorElement, !sheet);
  const ref = useRef<HTMLDivElement | null>(null);
  const ready = sheet || isPositioned;

  // Focus moves in once the popover is where it belongs, so focusing scrolls nothing.
  useEffect(() => {
    if (ready) ref.current?.focus({ preventScroll: true });
  }, [ready]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      const onAnchor = anchorElement instanceof HTMLElement && anchorElement.contains(target);
      if (!ref.current?.contains(target) && !onAnchor) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [anchorElement, onClose]);

  useEffect(() => {
    if (annotations.length === 0) onClose();
  }, [annotations.length, onClose]);

  const close = () => {
    onClose();
    returnFocus(anchorElement);
  };

  return (
    // Escape closes the dialog (the WAI-ARIA dialog pattern); the rule counts role="dialog"
    // as non-interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={(node) => {
        ref.current = node;
        refs.setFloating(node);
      }}
      className={`run-popover${sheet ? ' is-sheet' : ''}`}
      style={sheet ? undefined : { ...floatingStyles, visibility: isPositioned ? 'visible' : 'hidden' }}
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
          close();
        }
      }}
    >
      <div className="popover-head">
        <strong>{annotations.length === 1 ? '1 annotation' : `${annotations.length} annotations`}</strong>
        <button type="button" className="button button-quiet button-small" onClick={close} aria-label="Close">
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
