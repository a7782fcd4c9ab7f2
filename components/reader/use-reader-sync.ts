'use client';
// Live: changes by others arrive through the event stream as ids; details are fetched
// through the API, which checks visibility again. A resync (after a lost connection or an
// import) marks the document's annotations and every open thread stale, so they reload.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AnnotationView } from '@/lib/annotations/types';
import { ApiError } from '@/lib/client/api';
import { annotationsApi } from '@/lib/client/endpoints';
import { annotationKeys, replyKeys } from './annotation-cache';
import { useLiveUpdates } from './use-live-updates';

type ApplyRemote = (changes: { upsert?: AnnotationView[]; removeIds?: string[] }) => void;

/** The annotation now, null when it is gone or no longer visible, undefined when unknown. */
async function fetchOne(id: string): Promise<AnnotationView | null | undefined> {
  try {
    return (await annotationsApi.get(id)).annotation;
  } catch (e) {
    return e instanceof ApiError && e.status === 404 ? null : undefined;
  }
}

export function useReaderSync(opts: {
  documentId: string;
  enabled: boolean;
  applyRemote: ApplyRemote;
  /** argument links changed: reload them (components/links/use-link-counts.ts) */
  onLinkChanged?: () => void;
  /** annotations changed remotely: hiding or deleting an end hides its links */
  onAnnotationsChanged?: (ids: string[]) => void;
}) {
  const { documentId, enabled, applyRemote, onLinkChanged, onAnnotationsChanged } = opts;
  const client = useQueryClient();

  const refetch = useCallback(
    async (ids: string[]) => {
      const results = await Promise.all(ids.map(async (id) => ({ id, annotation: await fetchOne(id) })));
      applyRemote({
        upsert: results.flatMap((r) => (r.annotation ? [r.annotation] : [])),
        removeIds: results.flatMap((r) => (r.annotation === null ? [r.id] : [])),
      });
    },
    [applyRemote],
  );

  const resync = useCallback(() => {
    void client.invalidateQueries({ queryKey: annotationKeys.all(documentId) });
    void client.invalidateQueries({ queryKey: replyKeys.all });
  }, [client, documentId]);

  const { status } = useLiveUpdates({
    documentId,
    enabled,
    onAnnotationChanged: (ids) => {
      void refetch(ids);
      onAnnotationsChanged?.(ids);
    },
    onReplyChanged: (id) => {
      void client.invalidateQueries({ queryKey: replyKeys.thread(id) });
      void refetch([id]);
    },
    onResync: resync,
    onLinkChanged,
  });

  return { resync, status };
}
