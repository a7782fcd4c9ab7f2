'use client';
// What the annotation cards may do: edit, delete, retry or discard an unsaved highlight,
// and (facilitators) hide a note from the group's members. Each tells the reader what
// happened; a deletion shows at once, so its failure is told by the reader page.
import { useMemo } from 'react';
import type { CardActions } from '@/components/annotations/annotation-card';
import type { useAnnotations } from './use-annotations';

type Store = ReturnType<typeof useAnnotations>;

export function useCardActions(
  store: Store,
  announce: (text: string) => void,
  warn: (text: string | null) => void,
): CardActions {
  const { saveEdit, remove, retry, discard, hide } = store;
  return useMemo(
    () => ({
      onSaveEdit: saveEdit,
      onDelete: async (id: string) => {
        warn(null);
        try {
          await remove(id);
          announce('Annotation deleted.');
        } catch (e) {
          warn(`The annotation was not deleted: ${(e as Error).message}`);
        }
      },
      onRetry: retry,
      onDiscard: discard,
      onHide: async (id: string, hidden: boolean) => {
        await hide(id, hidden);
        announce(hidden ? 'Hidden from members.' : 'Shown to members again.');
      },
    }),
    [saveEdit, remove, retry, discard, hide, announce, warn],
  );
}
