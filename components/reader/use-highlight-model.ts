'use client';
// Everything the article needs to draw highlights, derived from the annotations and the
// filters: per-block highlight pieces, run styles, per-block render keys (so only the
// blocks whose highlights changed re-render) and per-paragraph attention counts.
import { useCallback, useMemo } from 'react';
import type { DocumentIndex } from '@/lib/anchoring/types';
import type { TagView } from '@/lib/annotations/types';
import { highlightsByBlock } from '@/lib/segments/highlights-by-block';
import type { RunStyle } from './highlighted-block';
import type { LocalAnnotation } from './use-annotations';
import type { DraftState } from './use-selection-draft';

export function useHighlightModel(opts: {
  index: DocumentIndex;
  shown: LocalAnnotation[];
  all: LocalAnnotation[];
  draft: DraftState | null;
  readerId: string;
  tags: TagView[];
}) {
  const { index, shown, all, draft, readerId, tags } = opts;
  const byId = useMemo(() => new Map<string, LocalAnnotation>(all.map((a) => [a.id, a])), [all]);

  const byBlock = useMemo(() => {
    const ranges = shown.map((a) => ({ id: a.id, target: a.target }));
    if (draft) ranges.push({ id: 'draft', target: draft.target });
    return highlightsByBlock(index, ranges);
  }, [shown, draft, index]);

  const styleFor = useCallback(
    (ids: string[]): RunStyle | null => {
      const list = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      const isDraft = ids.includes('draft');
      if (list.length === 0)
        return isDraft
          ? { tag1: '', count: 0, mine: true, unsaved: false, draft: true, description: 'your selection' }
          : null;
      const primary = list.find((a) => a.author.id === readerId) ?? list[0];
      const allTags = [...new Set(list.flatMap((a) => a.tags))];
      const tag1 = primary.tags[0];
      const names = allTags.map((slug) => tags.find((t) => t.slug === slug)?.name ?? slug);
      return {
        tag1,
        tag2: allTags.find((t) => t !== tag1),
        count: list.length,
        mine: list.some((a) => a.author.id === readerId),
        unsaved: list.some((a) => a.local),
        draft: isDraft,
        description: `${names.join(', ')} · ${list.length === 1 ? `1 annotation by ${list[0].author.name}` : `${list.length} annotations`}${list.some((a) => a.local?.state === 'failed') ? ' · not saved' : ''}`,
      };
    },
    [byId, readerId, tags],
  );

  const renderKeys = useMemo(() => {
    const keys = new Map<string, string>();
    for (const [anchor, pieces] of byBlock) {
      keys.set(
        anchor,
        pieces
          .map((h) => {
            const a = byId.get(h.id);
            return `${h.id}:${h.start}-${h.end}:${a?.tags.join(',')}:${a?.local?.state ?? ''}`;
          })
          .join('|'),
      );
    }
    return keys;
  }, [byBlock, byId]);

  /** Counts per tag of the shown annotations starting in each block. */
  const attention = useMemo(() => {
    const counts = new Map<string, Map<string, number>>();
    let max = 1;
    for (const a of shown) {
      const perTag = counts.get(a.target.start.block) ?? new Map<string, number>();
      for (const slug of a.tags) {
        const n = (perTag.get(slug) ?? 0) + 1;
        perTag.set(slug, n);
        max = Math.max(max, n);
      }
      counts.set(a.target.start.block, perTag);
    }
    return { counts, max };
  }, [shown]);

  return { byId, byBlock, styleFor, renderKeys, attention };
}
