'use client';
// Saving the selection's draft as a new highlight, remembering the visibility the reader
// chose last on this document, and giving focus back to the passage just annotated.
import { useCallback, useMemo, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { Target } from '@/lib/anchoring/types';
import { pickDefaultVisibility } from '@/lib/reader/default-visibility';
import type { DraftState } from './use-selection-draft';
import type { NewAnnotation } from './use-annotations';

function visibilityKey(documentId: string) {
  return `marginalia:visibility:${documentId}`;
}

/** Who a new note is shared with before the reader chooses: the seminar the reader came
 * from (`?group=`), else their only seminar, else their last choice on this document. */
export function useDefaultVisibility(
  documentId: string,
  groups: { id: string }[],
  contextGroup?: string | null,
): string | null {
  return useMemo(() => {
    if (typeof window === 'undefined') return null;
    let lastChoice: string | null = null;
    try {
      lastChoice = window.localStorage.getItem(visibilityKey(documentId));
    } catch {
      // storage unavailable: no remembered choice
    }
    return pickDefaultVisibility({ contextGroup, groups, lastChoice });
  }, [groups, documentId, contextGroup]);
}

/** Focus goes back to the paragraph just annotated, without scrolling, so a keyboard
 * reader carries on from there (the highlight itself is replaced once the server confirms
 * the save; the paragraph stays). */
function focusPassage(target: Target) {
  requestAnimationFrame(() => {
    const block = document.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(target.start.block)}"]`);
    block?.focus({ preventScroll: true });
  });
}

export function useDraftSave(opts: {
  documentId: string;
  draft: DraftState | null;
  activeTags: TagView[];
  create: (input: NewAnnotation) => string;
  close: () => void;
  announce: (text: string) => void;
}) {
  const { documentId, draft, activeTags, create, close, announce } = opts;
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = useCallback(() => {
    if (!draft) return;
    if (draft.draft.tags.length === 0) {
      const hint = activeTags
        .slice(0, 3)
        .map((t, i) => `${i + 1} ${t.name}`)
        .join(', ');
      setSaveError(`Pick at least one tag: ${hint}.`);
      return;
    }
    setSaveError(null);
    const { tags, note, noteText, groupId } = draft.draft;
    create({ target: draft.target, tags, note, noteText, groupId });
    try {
      window.localStorage.setItem(visibilityKey(documentId), groupId ?? '');
    } catch {
      // storage unavailable: the choice is not remembered
    }
    close();
    announce('Highlight saved.');
    focusPassage(draft.target);
  }, [activeTags, announce, close, create, documentId, draft]);

  const cancel = useCallback(() => {
    setSaveError(null);
    close();
  }, [close]);

  return { save, cancel, saveError };
}
