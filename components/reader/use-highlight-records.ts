'use client';
// What the article draws: the compact highlights payload at first (preloaded by the page,
// revalidated with its ETag), then, once the full list has loaded in the background, the
// full views (which live updates and the reader's own edits keep current). Unsaved
// highlights of the reader's are drawn in both phases.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DocumentIndex } from '@/lib/anchoring/types';
import { highlightsApi } from '@/lib/client/endpoints';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { recordFromView, recordsFromPayload, shownIds } from '@/lib/reader/highlight-records';
import type { HighlightRecord } from '@/lib/reader/highlight-runs';
import { annotationKeys } from './annotation-cache';
import type { LocalAnnotation } from './use-annotations';
import { useSearchMatches } from './use-search-matches';

export function useHighlightRecords(opts: {
  documentId: string;
  documentVersion: number;
  index: DocumentIndex;
  /** reading an earlier version: the payload is the current version's, so only the list is used */
  readOnly: boolean;
  annotations: LocalAnnotation[];
  /** the full list has loaded */
  loaded: boolean;
  filters: ReaderFilters;
  readerId: string;
}) {
  const { documentId, documentVersion, index, readOnly, annotations, loaded, filters, readerId } = opts;
  const payload = useQuery({
    queryKey: annotationKeys.highlights(documentId),
    queryFn: ({ signal }) => highlightsApi.get(documentId, signal),
    enabled: !readOnly && !loaded,
    staleTime: Infinity,
  });
  const fromPayload = useMemo(
    () =>
      payload.data && payload.data.documentVersion === documentVersion
        ? recordsFromPayload(
            payload.data,
            index.blocks.map((b) => b.anchor),
          )
        : null,
    [payload.data, documentVersion, index],
  );
  const records = useMemo<HighlightRecord[] | null>(() => {
    const drawn = annotations.filter((a) => a.status !== 'ORPHANED' && a.documentVersion === documentVersion);
    if (loaded) return drawn.map(recordFromView);
    if (!fromPayload) return null;
    // Before the list: only the reader's unsaved highlights are in `annotations`.
    const ids = new Set(fromPayload.map((r) => r.id));
    return [...fromPayload, ...drawn.filter((a) => !ids.has(a.id)).map(recordFromView)];
  }, [annotations, documentVersion, loaded, fromPayload]);

  const searchMatches = useSearchMatches(documentId, filters.q);
  const shown = useMemo(
    () => (records ? shownIds(records, filters, readerId, searchMatches) : new Set<string>()),
    [records, filters, readerId, searchMatches],
  );
  return { records, shown, failed: payload.isError };
}
