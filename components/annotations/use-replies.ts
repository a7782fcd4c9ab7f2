'use client';
// One annotation's replies as a TanStack query, and sending, editing, deleting and hiding
// them as mutations: edits and deletions show at once and roll back if the server says no.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '@/lib/client/api';
import { repliesApi } from '@/lib/client/endpoints';
import type { NoteDoc } from '@/lib/notes';
import { noteToPlainText } from '@/lib/notes/note-plain-text';
import type { ReplyView } from '@/lib/replies/types';
import { replyKeys } from '@/components/reader/annotation-cache';

function localReply(
  annotationId: string,
  author: { id: string; name: string },
  body: NoteDoc,
  key: string,
): ReplyView {
  const now = new Date().toISOString();
  const can = { edit: false, delete: false, hide: false };
  const bodyText = noteToPlainText(body);
  return {
    id: `local-${key}`,
    annotationId,
    author,
    attribution: null,
    body,
    bodyText,
    createdAt: now,
    updatedAt: now,
    hidden: false,
    can,
  };
}

type Change = {
  id: string;
  apply: (r: ReplyView) => ReplyView | null;
  send: () => Promise<ReplyView | null>;
};

export function useReplies(annotationId: string, reader: { id: string; name: string }) {
  const client = useQueryClient();
  const key = replyKeys.thread(annotationId);
  const set = (fn: (list: ReplyView[]) => ReplyView[]) =>
    client.setQueryData<ReplyView[]>(key, (list) => fn(list ?? []));
  const replace = (id: string, reply: ReplyView | null) =>
    set((list) => (reply ? list.map((r) => (r.id === id ? reply : r)) : list.filter((r) => r.id !== id)));

  const thread = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => (await repliesApi.list(annotationId, signal)).replies,
    // A live `reply` event or a resync marks the thread stale.
    staleTime: Infinity,
  });

  const { mutateAsync: change } = useMutation<ReplyView | null, ApiError, Change, { before?: ReplyView }>({
    mutationFn: (c) => c.send(),
    onMutate: async (c) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<ReplyView[]>(key)?.find((r) => r.id === c.id);
      if (before) replace(c.id, c.apply(before));
      return { before };
    },
    onError: (_e, c, context) => {
      if (!context?.before) return;
      const before = context.before;
      set((list) =>
        [...list.filter((r) => r.id !== c.id), before].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      );
    },
    onSuccess: (reply, c) => replace(c.id, reply),
  });

  // A new reply shows at once under a local id; the server's reply takes its place (once,
  // should the live stream have brought it first), or it leaves again if the send fails.
  const { mutateAsync: sendReply } = useMutation<ReplyView, ApiError, { body: NoteDoc; key: string }>({
    mutationFn: async ({ body, key: idempotencyKey }) =>
      (await repliesApi.create(annotationId, body, idempotencyKey)).reply,
    onMutate: async ({ body, key: idempotencyKey }) => {
      await client.cancelQueries({ queryKey: key });
      set((list) => [...list, localReply(annotationId, reader, body, idempotencyKey)]);
    },
    onError: (_e, v) => set((list) => list.filter((r) => r.id !== `local-${v.key}`)),
    onSuccess: (reply, v) =>
      set((list) => [...list.filter((r) => r.id !== `local-${v.key}` && r.id !== reply.id), reply]),
  });

  return {
    thread,
    /** One user action: one Idempotency-Key, kept across its retries. */
    send: (body: NoteDoc) => sendReply({ body, key: crypto.randomUUID() }),
    save: (id: string, body: NoteDoc) => {
      const idempotencyKey = crypto.randomUUID();
      return change({
        id,
        apply: (r) => ({ ...r, body, bodyText: noteToPlainText(body) }),
        send: async () => (await repliesApi.update(id, body, idempotencyKey)).reply,
      });
    },
    remove: (id: string) =>
      change({
        id,
        apply: () => null,
        send: async () => {
          await repliesApi.remove(id);
          return null;
        },
      }),
    hide: (id: string, hidden: boolean) =>
      change({
        id,
        apply: (r) => ({ ...r, hidden }),
        send: async () => (await repliesApi.hide(id, hidden)).reply,
      }),
  };
}
