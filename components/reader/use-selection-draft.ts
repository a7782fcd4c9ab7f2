'use client';
// Turns a mouse or keyboard selection in the article into a draft target, keeps the
// draft (tags, note, visibility) in localStorage so that nothing typed is lost.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { clipSelection } from '@/lib/anchoring/clip-selection';
import { describeTarget } from '@/lib/anchoring/document-text';
import type { DocumentIndex, Target } from '@/lib/anchoring/types';
import type { Draft } from './annotation-toolbar';
import { rectOfPoints, selectionEnds } from './dom-selection';

export interface DraftState {
  target: Target;
  draft: Draft;
  position: { top: number; left: number };
  restored: boolean;
  focusOnOpen: boolean;
}

const TOOLBAR_WIDTH = 420;

function positionFor(rect: DOMRect | null): { top: number; left: number } {
  if (!rect) return { top: window.scrollY + 120, left: 24 };
  const left = Math.min(
    Math.max(8, rect.left + window.scrollX),
    window.scrollX + window.innerWidth - TOOLBAR_WIDTH - 16,
  );
  return { top: rect.bottom + window.scrollY + 10, left };
}

export function useSelectionDraft(opts: {
  articleRef: React.RefObject<HTMLElement | null>;
  index: DocumentIndex;
  storageKey: string;
  defaultGroupId: string | null;
}) {
  const { articleRef, index, storageKey, defaultGroupId } = opts;
  const [state, setState] = useState<DraftState | null>(null);
  // For event handlers that must see the latest draft without being re-created.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  const open = useCallback(
    (target: Target, focusOnOpen: boolean) => {
      const article = articleRef.current;
      const rect = article ? rectOfPoints(article, target.start, target.end) : null;
      setState((current) => ({
        target,
        // A new selection keeps the tags and note chosen so far.
        draft: current
          ? { ...current.draft, quote: target.exact }
          : { tags: [], note: null, noteText: '', groupId: defaultGroupId, quote: target.exact },
        position: positionFor(rect),
        restored: false,
        focusOnOpen,
      }));
    },
    [articleRef, defaultGroupId],
  );

  const captureSelection = useCallback(() => {
    const article = articleRef.current;
    const selection = window.getSelection();
    if (!article || !selection) return;
    const ends = selectionEnds(article, selection);
    if (!ends) return;
    const clipped = clipSelection(index, ends.start, ends.end);
    if (!clipped) return;
    open(describeTarget(index, clipped.start, clipped.end), false);
  }, [articleRef, index, open]);

  // Mouse selections may start or end outside the article: listen on the document.
  useEffect(() => {
    const onMouseUp = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest?.('.annotation-toolbar, .run-popover')) return;
      requestAnimationFrame(captureSelection);
    };
    document.addEventListener('mouseup', onMouseUp);
    return () => document.removeEventListener('mouseup', onMouseUp);
  }, [captureSelection]);

  // Restore a draft left by a reload.
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as {
        target: Target;
        draft: Draft;
      } | null;
      if (saved?.target && saved.draft) {
        const rect = articleRef.current
          ? rectOfPoints(articleRef.current, saved.target.start, saved.target.end)
          : null;
        setState({
          target: saved.target,
          draft: saved.draft,
          position: positionFor(rect),
          restored: Boolean(saved.draft.noteText || saved.draft.tags.length),
          focusOnOpen: false,
        });
      }
    } catch {
      localStorage.removeItem(storageKey);
    }
  }, [articleRef, storageKey]);

  useEffect(() => {
    try {
      if (state)
        localStorage.setItem(storageKey, JSON.stringify({ target: state.target, draft: state.draft }));
      else localStorage.removeItem(storageKey);
    } catch {
      // storage unavailable: the draft lives as long as the page
    }
  }, [state, storageKey]);

  const setDraft = useCallback(
    (draft: Draft) => setState((s) => (s ? { ...s, draft, restored: false } : s)),
    [],
  );
  const close = useCallback(() => {
    setState(null);
    window.getSelection()?.removeAllRanges();
  }, []);

  return { state, open, setDraft, close };
}
