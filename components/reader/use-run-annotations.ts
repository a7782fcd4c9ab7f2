'use client';
// The full views of an opened highlight run: from the list when it has loaded, otherwise
// fetched one by one (the article is clickable before the list has arrived).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AnnotationView } from '@/lib/annotations/types';
import { ApiError } from '@/lib/client/api';
import { annotationsApi } from '@/lib/client/endpoints';
import { annotationKeys } from './annotation-cache';
import type { LocalAnnotation } from './use-annotations';

export function useRunAnnotations(documentId: string, ids: string[] | null, annotations: LocalAnnotation[]) {
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const missing = useMemo(() => (ids ?? []).filter((id) => !byId.has(id)), [ids, byId]);
  const fetched = useQuery({
    queryKey: annotationKeys.run(documentId, missing),
    queryFn: () =>
      Promise.all(
        missing.map((id) =>
          annotationsApi.get(id).then(
            (r) => r.annotation,
            (error: unknown) => {
              if (error instanceof ApiError && error.status === 404) return null;
              throw error;
            },
          ),
        ),
      ),
    enabled: missing.length > 0,
    staleTime: 30_000,
  });
  return useMemo(() => {
    if (!ids) return null;
    if (missing.length > 0 && !fetched.data) return null;
    const extra = new Map<string, AnnotationView>();
    for (const a of fetched.data ?? []) if (a) extra.set(a.id, a);
    return ids.flatMap((id) => {
      const a = byId.get(id) ?? extra.get(id);
      return a ? [a] : [];
    });
  }, [ids, missing, fetched.data, byId]);
}
