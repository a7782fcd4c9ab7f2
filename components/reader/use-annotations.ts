'use client';
// The reader's annotations, with optimistic saves: a new highlight shows at once; a
// failed save is retried, then kept as "unsaved" (also across reloads, in
// localStorage) and retried whenever the server answers again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Target } from '@/lib/anchoring/types';
import type { AnnotationView } from '@/lib/annotations/types';
import type { NoteDoc } from '@/lib/notes';
import { annotationsApi, ApiError } from './api-client';

export interface NewAnnotation {
  target: Target;
  tags: string[];
  note: NoteDoc | null;
  noteText: string;
  groupId: string | null;
}

export type LocalAnnotation = AnnotationView & {
  local?: { state: 'saving' | 'failed'; message?: string; input: NewAnnotation };
};

const RETRY_DELAYS = [500, 1500, 3000];
const BACKGROUND_RETRY_MS = 4000;

function unsavedKey(documentId: string, readerId: string) {
  return `marginalia:unsaved:${documentId}:${readerId}`;
}

function localView(
  id: string,
  input: NewAnnotation,
  reader: { id: string; name: string },
  documentId: string,
  documentVersion: number,
  groups: { id: string; name: string }[],
): LocalAnnotation {
  const now = new Date().toISOString();
  return {
    id,
    documentId,
    documentVersion,
    target: input.target,
    tags: input.tags,
    note: input.note,
    noteText: input.noteText,
    author: reader,
    group: groups.find((g) => g.id === input.groupId) ?? null,
    visibility: input.groupId ? 'group' : 'private',
    status: 'ANCHORED',
    createdAt: now,
    updatedAt: now,
    rev: 0,
    replyCount: 0,
    hidden: false,
    can: { edit: true, delete: true, reply: true, hide: false },
    local: { state: 'saving', input },
  };
}

export function useAnnotations(opts: {
  documentId: string;
  documentVersion: number;
  reader: { id: string; name: string };
  groups: { id: string; name: string }[];
  initial: AnnotationView[];
}) {
  const { documentId, documentVersion, reader, groups } = opts;
  const [annotations, setAnnotations] = useState<LocalAnnotation[]>(opts.initial);
  const inFlight = useRef(new Set<string>());

  const persistUnsaved = useCallback(
    (list: LocalAnnotation[]) => {
      const unsaved = list.filter((a) => a.local).map((a) => ({ id: a.id, input: a.local!.input }));
      try {
        if (unsaved.length > 0)
          localStorage.setItem(unsavedKey(documentId, reader.id), JSON.stringify(unsaved));
        else localStorage.removeItem(unsavedKey(documentId, reader.id));
      } catch {
        // storage full or disabled: the highlight stays on screen as unsaved
      }
    },
    [documentId, reader.id],
  );

  const update = useCallback(
    (fn: (list: LocalAnnotation[]) => LocalAnnotation[]) => {
      setAnnotations((list) => {
        const next = fn(list);
        persistUnsaved(next);
        return next;
      });
    },
    [persistUnsaved],
  );

  const send = useCallback(
    async (localId: string, input: NewAnnotation) => {
      if (inFlight.current.has(localId)) return;
      inFlight.current.add(localId);
      update((list) =>
        list.map((a) =>
          a.id === localId && a.local
            ? { ...a, local: { ...a.local, state: 'saving', message: undefined } }
            : a,
        ),
      );
      let lastError: ApiError | null = null;
      for (let attempt = 0; attempt <= RETRY_DELAYS.length; attempt++) {
        try {
          const { annotation } = await annotationsApi.create(documentId, {
            target: { start: input.target.start, end: input.target.end, exact: input.target.exact },
            tags: input.tags,
            note: input.note,
            groupId: input.groupId,
          });
          inFlight.current.delete(localId);
          // The live stream may have delivered this annotation already: keep one copy.
          update((list) =>
            list.filter((a) => a.id !== annotation.id).map((a) => (a.id === localId ? annotation : a)),
          );
          return;
        } catch (error) {
          lastError =
            error instanceof ApiError
              ? error
              : new ApiError(0, 'NETWORK', 'The server could not be reached.');
          if (!lastError.retryable || attempt === RETRY_DELAYS.length) break;
          await new Promise((r) => setTimeout(r, RETRY_DELAYS[attempt]));
        }
      }
      inFlight.current.delete(localId);
      const message = lastError?.retryable
        ? 'Not saved yet: the server could not be reached. It will be retried automatically.'
        : `Not saved: ${lastError?.message}`;
      update((list) =>
        list.map((a) =>
          a.id === localId && a.local ? { ...a, local: { ...a.local, state: 'failed', message } } : a,
        ),
      );
    },
    [documentId, update],
  );

  const create = useCallback(
    (input: NewAnnotation) => {
      const localId = `local-${crypto.randomUUID()}`;
      update((list) => [...list, localView(localId, input, reader, documentId, documentVersion, groups)]);
      void send(localId, input);
      return localId;
    },
    [documentId, documentVersion, groups, reader, send, update],
  );

  const retry = useCallback(
    (localId: string) => {
      const item = annotations.find((a) => a.id === localId);
      if (item?.local) void send(localId, item.local.input);
    },
    [annotations, send],
  );

  const discard = useCallback(
    (localId: string) => update((list) => list.filter((a) => a.id !== localId)),
    [update],
  );

  // Unsaved highlights from an earlier visit come back and are sent again.
  useEffect(() => {
    let restored: { id: string; input: NewAnnotation }[] = [];
    try {
      restored = JSON.parse(localStorage.getItem(unsavedKey(documentId, reader.id)) ?? '[]');
    } catch {
      restored = [];
    }
    if (restored.length === 0) return;
    setAnnotations((list) => [
      ...list,
      ...restored
        .filter((r) => !list.some((a) => a.id === r.id))
        .map((r) => localView(r.id, r.input, reader, documentId, documentVersion, groups)),
    ]);
    for (const r of restored) void send(r.id, r.input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Failed saves are retried in the background, and at once when the browser is back online.
  useEffect(() => {
    const failed = annotations.filter(
      (a) => a.local?.state === 'failed' && !a.local.message?.startsWith('Not saved:'),
    );
    if (failed.length === 0) return;
    const retryAll = () => failed.forEach((a) => void send(a.id, a.local!.input));
    const timer = setInterval(retryAll, BACKGROUND_RETRY_MS);
    window.addEventListener('online', retryAll);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retryAll);
    };
  }, [annotations, send]);

  const saveEdit = useCallback(
    async (
      id: string,
      patch: {
        tags?: string[];
        note?: NoteDoc | null;
        groupId?: string | null;
        target?: Target;
        rev: number;
      },
    ) => {
      const { annotation } = await annotationsApi.update(id, patch);
      update((list) => list.map((a) => (a.id === id ? annotation : a)));
      return annotation;
    },
    [update],
  );

  const remove = useCallback(
    async (id: string) => {
      await annotationsApi.remove(id);
      update((list) => list.filter((a) => a.id !== id));
    },
    [update],
  );

  /** Changes made elsewhere (live stream, reload): replace or drop by id. */
  const applyRemote = useCallback(
    (changes: { upsert?: AnnotationView[]; removeIds?: string[] }) => {
      update((list) => {
        let next = list;
        if (changes.removeIds?.length) next = next.filter((a) => !changes.removeIds!.includes(a.id));
        for (const item of changes.upsert ?? []) {
          const i = next.findIndex((a) => a.id === item.id);
          next = i >= 0 ? next.map((a, j) => (j === i ? item : a)) : [...next, item];
        }
        return next;
      });
    },
    [update],
  );

  return { annotations, create, retry, discard, saveEdit, remove, applyRemote };
}
