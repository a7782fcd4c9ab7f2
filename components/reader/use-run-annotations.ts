'use client';
// The full views of an opened highlight run: from the list when it has loaded, otherwise
// fetched by id (the article is clickable before the list has arrived). Meanwhile the popover
// shows previews from the highlight records it already has, so a click never waits on the
// network (lib/reader/run-preview.ts).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DocumentIndex } from '@/lib/anchoring/types';
import type { AnnotationView } from '@/lib/annotations/types';
import type { HighlightRecord } from '@/lib/reader/highlight-runs';
import { previewRun, type RunPreview } from '@/lib/reader/run-preview';
import { annotationsApi } from '@/lib/client/endpoints';
import { annotationKeys } from './annotation-cache';
import type { LocalAnnotation } from './use-annotations';

export function useRunAnnotations(
  documentId: string,
  ids: string[] | null,
  annotations: LocalAnnotation[],
  records: readonly HighlightRecord[] | null,
  index: DocumentIndex,
): { annotations: LocalAnnotation[] | null; previews: RunPreview[] | null } {
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  // A local id (a highlight still saving) is not the server's to look up.
  const missing = useMemo(
    () => (ids ?? []).filter((id) => !byId.has(id) && !id.startsWith('local-')),
    [ids, byId],
  );
  const fetched = useQuery({
    queryKey: annotationKeys.run(documentId, missing),
    // One request per 50 (the list's filter takes up to 50 ids).
    queryFn: async ({ signal }) => {
      const chunks: string[][] = [];
      for (let i = 0; i < missing.length; i += 50) chunks.push(missing.slice(i, i + 50));
      const lists = await Promise.all(
        chunks.map(async (ids) => {
          const query = new URLSearchParams(ids.map((id) => ['annotation', id]));
          return (await annotationsApi.list(documentId, query, signal)).annotations;
        }),
      );
      return lists.flat();
    },
    enabled: missing.length > 0,
    staleTime: 30_000,
  });
  const full = useMemo(() => {
    if (!ids) return null;
    if (missing.length > 0 && !fetched.data) return null;
    const extra = new Map<string, AnnotationView>();
    for (const a of fetched.data ?? []) extra.set(a.id, a);
    return ids.flatMap((id) => {
      const a = byId.get(id) ?? extra.get(id);
      return a ? [a] : [];
    });
  }, [ids, missing, fetched.data, byId]);
  const previews = useMemo(
    () => (ids && !full ? previewRun(ids, new Map((records ?? []).map((r) => [r.id, r])), index) : null),
    [ids, full, records, index],
  );
  return { annotations: full, previews };
}
