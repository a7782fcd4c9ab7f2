'use client';
import type { VirtualElement } from '@floating-ui/react';
import { useEffect, useRef } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { RunPreview } from '@/lib/reader/run-preview';
import { AnnotationCard, type CardActions } from '@/components/annotations/annotation-card';
import { ReplyThread } from '@/components/annotations/reply-thread';
import { useFloatingPlace } from './floating-place';
import type { LocalAnnotation } from './use-annotations';
import { useSmallScreen } from './use-small-screen';
import { TagSwatch } from './tag-styles';
import './reader-sheets.css';

/** What the popover is anchored to: the highlight the reader activated, or anything that
 * can say where it is on screen. */
export type PopoverAnchor = HTMLElement | VirtualElement;

function returnFocus(anchor: PopoverAnchor) {
  if (anchor instanceof HTMLElement && anchor.isConnected) anchor.focus({ preventScroll: true });
}

/** Lists every annotation under a clicked highlight run, next to it (a bottom sheet on a
 * phone). It never moves the page: it is placed before it takes focus, and takes it
 * without scrolling. Escape closes it and focus returns to the highlight. Until the
 * annotations' full views are there (`annotations` null) it shows their `previews`. */
export function RunPopover({
  anchorElement,
  annotations,
  previews,
  tags,
  labels,
  actions,
  groups,
  readerId,
  readerName,
  onClose,
}: {
  anchorElement: PopoverAnchor;
  annotations: LocalAnnotation[] | null;
  previews: RunPreview[];
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

  const count = annotations ? annotations.length : previews.length;
  useEffect(() => {
    if (count === 0) onClose();
  }, [count, onClose]);
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));

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
      aria-label={count === 1 ? 'Annotation on this passage' : `${count} annotations on this passage`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className="popover-head">
        <strong>{count === 1 ? '1 annotation' : `${count} annotations`}</strong>
        <button type="button" className="button button-quiet button-small" onClick={close} aria-label="Close">
          ×
        </button>
      </div>
      {!annotations && (
        <p className="muted" role="status">
          Loading notes…
        </p>
      )}
      {!annotations &&
        previews.map((p) => (
          <article
            key={p.id}
            className="annotation-card is-loading"
            aria-label={`Annotation by ${p.authorName}`}
          >
            <header className="card-head">
              <span className="card-author">{p.authorName}</span>
              {labels.get(p.startBlock) && <span className="card-label">{labels.get(p.startBlock)}</span>}
              <span className="card-meta">{p.groupName ?? 'Private'}</span>
            </header>
            <blockquote className="card-quote">
              {p.quote.length > 280 ? `${p.quote.slice(0, 280)}…` : p.quote}
            </blockquote>
            <ul className="card-tags" aria-label="Tags">
              {p.tags.map((slug) => (
                <li key={slug}>
                  <TagSwatch tag={tagBySlug.get(slug) ?? { slug, name: slug }} />
                </li>
              ))}
            </ul>
          </article>
        ))}
      {annotations?.map((a) => (
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
