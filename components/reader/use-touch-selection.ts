'use client';
// Selecting on a touch screen: the phone's own handles make and adjust the selection, and no
// mouseup follows, so the toolbar opens once the selection has stayed still for a moment.
// The native selection is left alone (its handles stay usable: a new adjustment updates the
// draft), and the toolbar is a bottom sheet, away from the native menu above the selection.
import { useEffect, useRef } from 'react';
import { clipSelection } from '@/lib/anchoring/clip-selection';
import { describeTarget } from '@/lib/anchoring/document-text';
import type { DocumentIndex, Target } from '@/lib/anchoring/types';
import { selectionEnds } from './dom-selection';

const SETTLE_MS = 450;

export function useTouchSelection(opts: {
  articleRef: React.RefObject<HTMLElement | null>;
  index: DocumentIndex;
  enabled: boolean;
  onSelect: (target: Target, focusToolbar: boolean) => void;
}) {
  const { articleRef, index, enabled, onSelect } = opts;
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    if (!enabled) return;
    let touching = false;
    let timer = 0;
    const onPointerDown = (event: PointerEvent) => {
      touching = event.pointerType === 'touch';
    };
    const capture = () => {
      const article = articleRef.current;
      const selection = window.getSelection();
      if (!article || !selection) return;
      // Typing a note or a reply moves the selection elsewhere: that is not a passage.
      if (!article.contains(selection.anchorNode) && !article.contains(selection.focusNode)) return;
      const ends = selectionEnds(article, selection);
      const clipped = ends && clipSelection(index, ends.start, ends.end);
      if (clipped) onSelectRef.current(describeTarget(index, clipped.start, clipped.end), false);
    };
    const onSelectionChange = () => {
      if (!touching) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(capture, SETTLE_MS);
    };
    document.addEventListener('pointerdown', onPointerDown, { capture: true });
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('pointerdown', onPointerDown, { capture: true });
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [articleRef, index, enabled]);
}
