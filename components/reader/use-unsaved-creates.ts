'use client';
// New highlights as TanStack mutations (ADR 0004): one shows at once; its POST is retried
// while the failure is worth retrying (network, 503 "reconnecting", 429…), with the same
// Idempotency-Key, so a retry whose first attempt committed never makes a duplicate.
// Unsent highlights are kept in localStorage and sent again after a reload.
import { useMutation, useMutationState, useQueryClient, type MutationState } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Target } from '@/lib/anchoring/types';
import type { AnnotationView } from '@/lib/annotations/types';
import { ApiError, WORDING } from '@/lib/client/api';
import { annotationsApi } from '@/lib/client/endpoints';
import { QUICK_ATTEMPTS, retryDelay, retryWhileRetryable } from '@/lib/client/retry';
import type { NoteDoc } from '@/lib/notes';
import { annotationKeys, applyChanges } from './annotation-cache';

export interface NewAnnotation {
  target: Target;
  tags: string[];
  note: NoteDoc | null;
  noteText: string;
  groupId: string | null;
}

export interface CreateVariables {
  /** the optimistic id, `local-<key>` */
  localId: string;
  /** Idempotency-Key: the same for every send of this highlight, across reloads */
  key: string;
  /** one per Retry: a superseded attempt stops before sending again */
  attempt: string;
  input: NewAnnotation;
}

export interface UnsavedState {
  state: 'saving' | 'failed';
  message?: string;
  input: NewAnnotation;
}

type CreateState = MutationState<AnnotationView, ApiError, CreateVariables>;

function unsavedKey(documentId: string, readerId: string) {
  return `marginalia:unsaved:${documentId}:${readerId}`;
}

/** The card's wording for a highlight not yet saved, from the mutation's typed state. */
export function describeUnsaved(s: CreateState): Omit<UnsavedState, 'input'> {
  const reason = s.status === 'error' ? s.error : s.failureReason;
  if (s.status === 'error') return { state: 'failed', message: `Not saved: ${reason?.message}` };
  if (s.isPaused)
    return { state: 'failed', message: 'Not saved yet: you are offline. It will be sent when you are back.' };
  // The server said it is briefly down: not a failure of this highlight, it keeps trying.
  if (reason?.kind === 'unavailable') return { state: 'saving', message: 'Reconnecting…' };
  if (s.failureCount < QUICK_ATTEMPTS) return { state: 'saving' };
  return {
    state: 'failed',
    message: `Not saved yet. ${reason?.message ?? WORDING.network} It will be retried automatically.`,
  };
}

/** The latest unfinished create per highlight, in the order they were made. */
function latestUnsaved(states: CreateState[]): Map<string, CreateState> {
  const byId = new Map<string, CreateState>();
  for (const s of states) if (s.variables) byId.set(s.variables.localId, s);
  for (const [id, s] of byId)
    if (s.status === 'success' || s.status === 'idle' || s.error?.kind === 'cancelled') byId.delete(id);
  return byId;
}

export function useUnsavedCreates(documentId: string, readerId: string) {
  const client = useQueryClient();
  const superseded = useRef(new Set<string>());
  const mutationKey = annotationKeys.create(documentId);

  const { mutate } = useMutation<AnnotationView, ApiError, CreateVariables>({
    mutationKey,
    mutationFn: async ({ attempt, key, input }) => {
      if (superseded.current.has(attempt)) throw new ApiError(0, 'CANCELLED', WORDING.cancelled);
      const { target, tags, note, groupId } = input;
      const body = {
        target: { start: target.start, end: target.end, exact: target.exact },
        tags,
        note,
        groupId,
      };
      return (await annotationsApi.create(documentId, body, key)).annotation;
    },
    retry: retryWhileRetryable(Infinity),
    retryDelay,
    // Kept until it is saved or discarded: an unsaved highlight must not be collected.
    gcTime: Infinity,
    // The live stream may have delivered this annotation already: applyChanges keeps one copy.
    // Before the list has loaded, its load brings the new annotation.
    onSuccess: (annotation) => {
      const key = annotationKeys.list(documentId);
      if (!client.getQueryData(key)) return client.invalidateQueries({ queryKey: key });
      client.setQueryData<AnnotationView[]>(key, (list) =>
        list ? applyChanges(list, { upsert: [annotation] }) : list,
      );
    },
  });

  const states = useMutationState({
    filters: { mutationKey },
    select: (m) => m.state as CreateState,
  });
  const unsaved = useMemo(() => latestUnsaved(states), [states]);
  // A highlight opened while it was still saving keeps its local id in the open popover: this
  // says which saved annotation it became (components/reader/reader-app.tsx).
  const savedAs = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of states)
      if (s.status === 'success' && s.variables && s.data) map.set(s.variables.localId, s.data.id);
    return map;
  }, [states]);

  const create = useCallback(
    (input: NewAnnotation) => {
      const key = crypto.randomUUID();
      const localId = `local-${key}`;
      mutate({ localId, key, attempt: crypto.randomUUID(), input });
      return localId;
    },
    [mutate],
  );

  const stop = useCallback(
    (localId: string) => {
      const cache = client.getMutationCache();
      for (const m of cache.findAll({ mutationKey })) {
        const vars = m.state.variables as CreateVariables | undefined;
        if (vars?.localId !== localId) continue;
        superseded.current.add(vars.attempt);
        cache.remove(m);
      }
    },
    [client, mutationKey],
  );

  /** Sends again at once (same key); the attempt waiting to retry stands down. */
  const retry = useCallback(
    (localId: string) => {
      const vars = unsaved.get(localId)?.variables;
      if (!vars) return;
      stop(localId);
      mutate({ ...vars, attempt: crypto.randomUUID() });
    },
    [mutate, stop, unsaved],
  );

  usePersistedUnsaved(documentId, readerId, mutate);

  return { unsaved, savedAs, create, retry, discard: stop };
}

/** Keeps unsent highlights in localStorage, and sends the ones of an earlier visit again. */
function usePersistedUnsaved(documentId: string, readerId: string, mutate: (v: CreateVariables) => void) {
  const client = useQueryClient();
  useEffect(() => {
    const storageKey = unsavedKey(documentId, readerId);
    const cache = client.getMutationCache();
    const mutationKey = annotationKeys.create(documentId);
    const inCache = () => latestUnsaved(cache.findAll({ mutationKey }).map((m) => m.state as CreateState));
    let restored: { id: string; input: NewAnnotation }[] = [];
    try {
      restored = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    } catch {
      restored = [];
    }
    const known = inCache();
    for (const { id, input } of restored)
      if (!known.has(id))
        mutate({ localId: id, key: id.replace(/^local-/, ''), attempt: crypto.randomUUID(), input });
    return cache.subscribe(() => {
      const list = [...inCache().values()].map((s) => ({
        id: s.variables!.localId,
        input: s.variables!.input,
      }));
      try {
        if (list.length > 0) localStorage.setItem(storageKey, JSON.stringify(list));
        else localStorage.removeItem(storageKey);
      } catch {
        // storage full or disabled: the highlight stays on screen as unsaved
      }
    });
  }, [client, documentId, readerId, mutate]);
}
