'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { annotationsApi } from '@/lib/client/endpoints';
import { useDebounced } from '@/components/use-debounced';
import { annotationKeys } from './annotation-cache';

/** Ids of the annotations matching a full-text query (PostgreSQL, debounced); null
 * while there is no query or no answer yet, so that callers fall back to local matching. */
export function useSearchMatches(documentId: string, q: string): Set<string> | null {
  const query = useDebounced(q.trim(), 250);
  const { data } = useQuery({
    queryKey: annotationKeys.search(documentId, query),
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ q: query });
      const { annotations } = await annotationsApi.list(documentId, params, signal);
      return new Set(annotations.map((a) => a.id));
    },
    enabled: query !== '',
    // A search is a snapshot: changes arrive through the list, not through old searches.
    staleTime: 0,
    gcTime: 30_000,
    // While the next query is typed, the last answer stands.
    placeholderData: keepPreviousData,
  });
  return q.trim() && query ? (data ?? null) : null;
}
