// Fetch wrappers for replies; errors arrive as ApiError with a readable message.
import type { NoteDoc } from '@/lib/notes';
import type { ReplyView } from '@/lib/replies/types';
import { apiFetch } from '@/components/reader/api-client';

export const replyApi = {
  list: (annotationId: string) =>
    apiFetch<{ replies: ReplyView[] }>(`/api/v1/annotations/${annotationId}/replies`),
  create: (annotationId: string, body: NoteDoc) =>
    apiFetch<{ reply: ReplyView }>(`/api/v1/annotations/${annotationId}/replies`, {
      method: 'POST',
      body: JSON.stringify({ body }),
    }),
  update: (id: string, body: NoteDoc) =>
    apiFetch<{ reply: ReplyView }>(`/api/v1/replies/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ body }),
    }),
  remove: (id: string) => apiFetch<void>(`/api/v1/replies/${id}`, { method: 'DELETE' }),
  hide: (id: string, hidden: boolean) =>
    apiFetch<{ reply: ReplyView }>(`/api/v1/replies/${id}/hide`, {
      method: 'POST',
      body: JSON.stringify({ hidden }),
    }),
};
