'use client';
// What the article draws: the compact highlights payload at first (preloaded by the page,
// revalidated with its ETag), then, once the full list has loaded in the background, the
// full views (which live updates and the reader's own edits keep current). Unsaved
// highlights of the reader's are drawn in both phases.
import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Highlights } from '@/lib/annotations/types';
import type { DocumentIndex } from '@/lib/anchoring/types';
import { highlightsApi } from '@/lib/client/endpoints';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { recordFromView, recordsFromPayload, shownIds } from '@/lib/reader/highlight-records';
import type { HighlightRecord } from '@/lib/reader/highlight-runs';
import { annotationKeys } from './annotation-cache';
import { claimEarlyHighlights } from './early-highlights';
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
  // The payload the reader's module started reading (./early-highlights.ts), claimed in the
  // first render (so that the query below is never enabled when it has arrived: a query
  // enabled in the hydration's render fetches again in its passive effects). The server
  // rendered without it, so the hydration's render does not use it either: a layout effect
  // hands it over, in the hydration's own commit.
  const [claimed] = useState(() => (readOnly ? null : claimEarlyHighlights(documentId)));
  const arrived = claimed && 'value' in claimed ? claimed.value : null;
  const [early, setEarly] = useState<Highlights | null>(null);
  useLayoutEffect(() => {
    // A render of its own on purpose: it runs synchronously in the hydration's commit, before
    // the frame, and the painter's layout effect draws the highlights in the same task.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (arrived) setEarly(arrived);
  }, [arrived]);
  const pending = useRef(claimed && 'promise' in claimed ? claimed.promise : null);
  const payload = useQuery({
    queryKey: annotationKeys.highlights(documentId),
    queryFn: ({ signal }) => {
      const promise = pending.current;
      pending.current = null;
      return promise ?? highlightsApi.get(documentId, signal);
    },
    enabled: !readOnly && !loaded && !arrived,
    staleTime: Infinity,
  });
  const data = early ?? payload.data;
  const fromPayload = useMemo(
    () =>
      data && data.documentVersion === documentVersion
        ? recordsFromPayload(
            data,
            index.blocks.map((b) => b.anchor),
          )
        : null,
    [data, documentVersion, index],
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
