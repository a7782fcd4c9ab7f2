'use client';
// The reader's annotations: the server's list as a TanStack query, new highlights as
// persisted mutations (./use-unsaved-creates.ts), edits, deletions and hiding as
// optimistic mutations that roll back when the server says no.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { AnnotationView } from '@/lib/annotations/types';
import type { ApiError } from '@/lib/client/api';
import { annotationsApi, type AnnotationPatch } from '@/lib/client/endpoints';
import { annotationKeys, applyChanges, patchedView } from './annotation-cache';
import {
  describeUnsaved,
  useUnsavedCreates,
  type NewAnnotation,
  type UnsavedState,
} from './use-unsaved-creates';

export type { NewAnnotation } from './use-unsaved-creates';

export type LocalAnnotation = AnnotationView & { local?: UnsavedState };

type Reader = { id: string; name: string };
type Group = { id: string; name: string };

function localView(
  id: string,
  input: NewAnnotation,
  context: { reader: Reader; documentId: string; documentVersion: number; groups: Group[] },
): AnnotationView {
  const now = new Date().toISOString();
  return {
    id,
    documentId: context.documentId,
    documentVersion: context.documentVersion,
    target: input.target,
    tags: input.tags,
    note: input.note,
    noteText: input.noteText,
    author: context.reader,
    group: context.groups.find((g) => g.id === input.groupId) ?? null,
    visibility: input.groupId ? 'group' : 'private',
    status: 'ANCHORED',
    createdAt: now,
    updatedAt: now,
    rev: 0,
    replyCount: 0,
    hidden: false,
    can: { edit: true, delete: true, reply: true, hide: false },
  };
}

/** An optimistic change to one cached annotation that can be undone on failure. */
function useOptimisticChange<V extends { id: string }>(
  documentId: string,
  send: (v: V) => Promise<AnnotationView | null>,
  apply: (a: AnnotationView, v: V) => AnnotationView | null,
) {
  const client = useQueryClient();
  const key = annotationKeys.list(documentId);
  const set = (fn: (list: AnnotationView[]) => AnnotationView[]) =>
    client.setQueryData<AnnotationView[]>(key, (list) => (list ? fn(list) : list));
  return useMutation<AnnotationView | null, ApiError, V, { before?: AnnotationView }>({
    mutationFn: send,
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<AnnotationView[]>(key)?.find((a) => a.id === v.id);
      if (before) {
        const after = apply(before, v);
        set((list) => applyChanges(list, after ? { upsert: [after] } : { removeIds: [v.id] }));
      }
      return { before };
    },
    onError: (_error, _v, context) => {
      if (context?.before) set((list) => applyChanges(list, { upsert: [context.before!] }));
    },
    onSuccess: (annotation, v) =>
      set((list) => applyChanges(list, annotation ? { upsert: [annotation] } : { removeIds: [v.id] })),
  });
}

export function useAnnotations(opts: {
  documentId: string;
  documentVersion: number;
  reader: Reader;
  groups: Group[];
  /** load the full list (the page turns this on once the highlights are drawn) */
  enabled: boolean;
  /** an earlier version: its annotations as they were placed in it */
  pastVersion?: number;
}) {
  const { documentId, documentVersion, reader, groups, enabled, pastVersion } = opts;
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: annotationKeys.list(documentId),
    queryFn: async ({ signal }) => {
      const query = pastVersion ? new URLSearchParams({ version: String(pastVersion) }) : undefined;
      return (await annotationsApi.list(documentId, query, signal)).annotations;
    },
    enabled,
  });
  const saved = useMemo(() => data ?? [], [data]);
  const creates = useUnsavedCreates(documentId, reader.id);

  const annotations = useMemo<LocalAnnotation[]>(() => {
    const context = { reader, documentId, documentVersion, groups };
    const locals = [...creates.unsaved].map(([id, s]) => ({
      ...localView(id, s.variables!.input, context),
      local: { ...describeUnsaved(s), input: s.variables!.input },
    }));
    return [...saved, ...locals];
  }, [saved, creates.unsaved, reader, documentId, documentVersion, groups]);

  const { mutateAsync: edit } = useOptimisticChange<{
    id: string;
    patch: AnnotationPatch;
    rev: number;
    key: string;
  }>(
    documentId,
    async ({ id, patch, rev, key }) => (await annotationsApi.update(id, patch, rev, key)).annotation,
    (a, { patch }) => patchedView(a, patch, groups),
  );
  const { mutateAsync: deletion } = useOptimisticChange<{ id: string }>(
    documentId,
    async ({ id }) => {
      await annotationsApi.remove(id);
      return null;
    },
    () => null,
  );
  const { mutateAsync: hiding } = useOptimisticChange<{ id: string; hidden: boolean }>(
    documentId,
    async ({ id, hidden }) => (await annotationsApi.hide(id, hidden)).annotation,
    (a, { hidden }) => ({ ...a, hidden }),
  );

  /** One user action: one Idempotency-Key, kept across its retries. */
  const saveEdit = useCallback(
    (id: string, { rev, ...patch }: AnnotationPatch & { rev: number }) =>
      edit({ id, patch, rev, key: crypto.randomUUID() }),
    [edit],
  );
  const remove = useCallback((id: string) => deletion({ id }), [deletion]);
  const hide = useCallback((id: string, hidden: boolean) => hiding({ id, hidden }), [hiding]);

  /** Changes made elsewhere (live stream, reload): replace or drop by id. Before the list has
   * loaded there is nothing to change: its (next) load brings them. */
  const applyRemote = useCallback(
    (changes: { upsert?: AnnotationView[]; removeIds?: string[] }) => {
      const key = annotationKeys.list(documentId);
      if (!client.getQueryData(key)) {
        void client.invalidateQueries({ queryKey: key });
        return;
      }
      client.setQueryData<AnnotationView[]>(key, (list) => (list ? applyChanges(list, changes) : list));
    },
    [client, documentId],
  );

  return {
    annotations,
    /** the full list has loaded (until then `annotations` holds only unsaved highlights) */
    loaded: data !== undefined,
    create: creates.create,
    savedAs: creates.savedAs,
    retry: creates.retry,
    discard: creates.discard,
    saveEdit,
    remove,
    hide,
    applyRemote,
  };
}
