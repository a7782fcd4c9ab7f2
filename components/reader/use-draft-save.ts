'use client';
// Saving the selection's draft as a new highlight, and remembering the visibility the
// reader chose last on this document for the next one.
import { useCallback, useMemo, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { DraftState } from './use-selection-draft';
import type { NewAnnotation } from './use-annotations';

function visibilityKey(documentId: string) {
  return `marginalia:visibility:${documentId}`;
}

/** The group the reader shared with last on this document, if they are still in it. */
export function useDefaultVisibility(documentId: string, groups: { id: string }[]): string | null {
  return useMemo(() => {
    if (typeof window === 'undefined') return null;
    const saved = window.localStorage.getItem(visibilityKey(documentId));
    return groups.some((g) => g.id === saved) ? saved : null;
  }, [groups, documentId]);
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
    window.localStorage.setItem(visibilityKey(documentId), groupId ?? '');
    close();
    announce('Highlight saved.');
  }, [activeTags, announce, close, create, documentId, draft]);

  const cancel = useCallback(() => {
    setSaveError(null);
    close();
  }, [close]);

  return { save, cancel, saveError };
}
