'use client';
// Keys on the article while a draft is open: 1–9 toggle the tags, Ctrl/Cmd+Enter saves;
// everything else goes to keyboard selection.
import type { KeyboardEvent } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { Draft } from './annotation-toolbar';
import type { DraftState } from './use-selection-draft';

export function useArticleHotkeys(opts: {
  draft: DraftState | null;
  activeTags: TagView[];
  setDraft: (draft: Draft) => void;
  save: () => void;
  onOtherKey: (event: KeyboardEvent<HTMLElement>) => void;
  announce: (text: string) => void;
}) {
  const { draft, activeTags, setDraft, save, onOtherKey, announce } = opts;

  function toggleTag(event: KeyboardEvent<HTMLElement>, current: Draft): boolean {
    const tag = activeTags[Number(event.key) - 1];
    if (!tag) return false;
    event.preventDefault();
    const has = current.tags.includes(tag.slug);
    setDraft({
      ...current,
      tags: has ? current.tags.filter((t) => t !== tag.slug) : [...current.tags, tag.slug],
    });
    announce(`${tag.name} ${has ? 'removed' : 'added'}.`);
    return true;
  }

  return (event: KeyboardEvent<HTMLElement>) => {
    const plainDigit = /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (draft && plainDigit && toggleTag(event, draft.draft)) return;
    if (draft && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
      return;
    }
    onOtherKey(event);
  };
}
