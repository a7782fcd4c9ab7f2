// The argument links' routes as typed functions, over the one request helper (lib/client/api.ts).
import type { BlockView } from '@/lib/documents/types';
import type { CreateLinkInput, LinkView, RelationView } from '@/lib/links/schemas';
import { request } from '@/lib/client/api';
import { annotationsApi } from '@/lib/client/endpoints';

const enc = encodeURIComponent;

export const linksApi = {
  list: (documentId: string) =>
    request<{ links: LinkView[]; relations: RelationView[] }>(
      'GET',
      `/api/v1/documents/${enc(documentId)}/links`,
    ),
  create: (documentId: string, input: CreateLinkInput) =>
    request<{ link: LinkView }>('POST', `/api/v1/documents/${enc(documentId)}/links`, { body: input }),
  remove: (id: string) => request<void>('DELETE', `/api/v1/links/${enc(id)}`),
  /** what the dialog offers: the annotations the reader sees, in document order, and the blocks for ¶ labels */
  candidates: async (documentId: string) => {
    const [list, doc] = await Promise.all([
      annotationsApi.list(documentId),
      request<{ blocks: BlockView[] }>('GET', `/api/v1/documents/${enc(documentId)}`),
    ]);
    return { annotations: list.annotations, blocks: doc.blocks };
  },
};
