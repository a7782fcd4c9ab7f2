'use client';
import { useMemo } from 'react';
import { matchesFilters, type ReaderFilters } from '@/lib/reader/filter-annotations';
import type { LocalAnnotation } from './use-annotations';
import { useSearchMatches } from './use-search-matches';

/** The annotations anchored in this version, the orphans, and those the filters show.
 * Full-text search runs in PostgreSQL (stemming); the other filters apply at once here. */
export function useVisibleAnnotations(opts: {
  documentId: string;
  documentVersion: number;
  annotations: LocalAnnotation[];
  filters: ReaderFilters;
  readerId: string;
}) {
  const { documentId, documentVersion, annotations, filters, readerId } = opts;
  const searchMatches = useSearchMatches(documentId, filters.q);
  const anchored = useMemo(
    () => annotations.filter((a) => a.status !== 'ORPHANED' && a.documentVersion === documentVersion),
    [annotations, documentVersion],
  );
  const orphans = useMemo(() => annotations.filter((a) => a.status === 'ORPHANED'), [annotations]);
  const shown = useMemo(
    () =>
      anchored.filter((a) =>
        searchMatches && !a.local
          ? searchMatches.has(a.id) && matchesFilters(a, { ...filters, q: '' }, readerId)
          : matchesFilters(a, filters, readerId),
      ),
    [anchored, filters, readerId, searchMatches],
  );
  return { anchored, orphans, shown };
}
