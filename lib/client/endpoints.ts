// The API's routes as typed functions, over the one request helper in ./api.ts. Request
// and response types come from the contract (lib/<domain>/schemas.ts and types.ts).
import type { AccountHoldings, DeletedAccount, DeleteMode } from '@/lib/account/schemas';
import type { CreateAnnotationInput, UpdateAnnotationInput } from '@/lib/annotations/schemas';
import type { AnnotationView, Highlights } from '@/lib/annotations/types';
import type {
  CreateGroupInput,
  CreateTagInput,
  GroupRole,
  UpdateGroupInput,
  UpdateTagInput,
} from '@/lib/groups/schemas';
import type { GroupDetail } from '@/lib/groups/types';
import type {
  AddReadingInput,
  LibraryDocument,
  ReadingView,
  UpdateDocumentInput,
  UpdateReadingInput,
} from '@/lib/library/schemas';
import type { NoteDoc } from '@/lib/notes';
import type { ImportReport } from '@/lib/openapi/transfer-schemas';
import type { ReplyView } from '@/lib/replies/types';
import { ApiError, request } from './api';

const enc = encodeURIComponent;

/** A deletion answered 404 has nothing left to delete: a retry whose first attempt
 * committed, or a deletion made elsewhere meanwhile. */
function goneIsDone(error: unknown): void {
  if (error instanceof ApiError && error.status === 404) return;
  throw error;
}

// The annotation's revision: its name in the API is read and written only here.
/** The revision to send back with an edit. */
export function revisionOf(annotation: Pick<AnnotationView, 'rev'>): number {
  return annotation.rev;
}
/** What an edit may change; the revision is passed on its own. */
export type AnnotationPatch = Pick<UpdateAnnotationInput, 'tags' | 'note' | 'groupId' | 'target'>;
function withRevision(patch: AnnotationPatch, rev: number): UpdateAnnotationInput {
  return { ...patch, rev };
}

/** The reader page's compact highlights; the page preloads this address (same URL, so that
 * the browser reuses the preloaded answer), and the browser revalidates it with its ETag. */
export const highlightsApi = {
  path: (documentId: string) => `/api/v1/documents/${enc(documentId)}/highlights`,
  get: (documentId: string, signal?: AbortSignal) =>
    request<Highlights>('GET', highlightsApi.path(documentId), { signal }),
};

type AnnotationPage = { annotations: AnnotationView[]; next: string | null };

/** One page of a document's list (ADR 0023): at most `limit` after `cursor`. */
function annotationPage(
  documentId: string,
  query: URLSearchParams | string | undefined,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams(query);
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return request<AnnotationPage>(
    'GET',
    `/api/v1/documents/${enc(documentId)}/annotations${search ? `?${search}` : ''}`,
    { signal },
  );
}

export const annotationsApi = {
  page: annotationPage,
  /** Every annotation that passes the query: the server's pages one after another, each a
   * bounded request (the reader page loads its list this way, in the background). */
  list: async (documentId: string, query?: URLSearchParams | string, signal?: AbortSignal) => {
    const annotations: AnnotationView[] = [];
    let cursor: string | null = null;
    do {
      const page: AnnotationPage = await annotationPage(documentId, query, cursor, signal);
      annotations.push(...page.annotations);
      cursor = page.next;
    } while (cursor);
    return { annotations };
  },
  get: (id: string) => request<{ annotation: AnnotationView }>('GET', `/api/v1/annotations/${enc(id)}`),
  create: (documentId: string, input: CreateAnnotationInput, idempotencyKey: string) =>
    request<{ annotation: AnnotationView }>('POST', `/api/v1/documents/${enc(documentId)}/annotations`, {
      body: input,
      idempotencyKey,
    }),
  update: (id: string, patch: AnnotationPatch, rev: number, idempotencyKey: string) =>
    request<{ annotation: AnnotationView }>('PATCH', `/api/v1/annotations/${enc(id)}`, {
      body: withRevision(patch, rev),
      idempotencyKey,
    }),
  remove: (id: string) => request<void>('DELETE', `/api/v1/annotations/${enc(id)}`).catch(goneIsDone),
  hide: (id: string, hidden: boolean) =>
    request<{ annotation: AnnotationView }>('POST', `/api/v1/annotations/${enc(id)}/hide`, {
      body: { hidden },
    }),
  importFile: (documentId: string, file: File, query: URLSearchParams) =>
    request<ImportReport>('POST', `/api/v1/documents/${enc(documentId)}/annotations/import?${query}`, {
      raw: { body: file, contentType: 'application/ld+json' },
    }),
};

export const repliesApi = {
  list: (annotationId: string, signal?: AbortSignal) =>
    request<{ replies: ReplyView[] }>('GET', `/api/v1/annotations/${enc(annotationId)}/replies`, { signal }),
  create: (annotationId: string, body: NoteDoc, idempotencyKey: string) =>
    request<{ reply: ReplyView }>('POST', `/api/v1/annotations/${enc(annotationId)}/replies`, {
      body: { body },
      idempotencyKey,
    }),
  update: (id: string, body: NoteDoc, idempotencyKey: string) =>
    request<{ reply: ReplyView }>('PATCH', `/api/v1/replies/${enc(id)}`, { body: { body }, idempotencyKey }),
  remove: (id: string) => request<void>('DELETE', `/api/v1/replies/${enc(id)}`).catch(goneIsDone),
  hide: (id: string, hidden: boolean) =>
    request<{ reply: ReplyView }>('POST', `/api/v1/replies/${enc(id)}/hide`, { body: { hidden } }),
};

const group = (id: string) => `/api/v1/groups/${enc(id)}`;

export const groupsApi = {
  create: (input: CreateGroupInput) =>
    request<{ group: GroupDetail }>('POST', '/api/v1/groups', { body: input }),
  update: (id: string, input: UpdateGroupInput) =>
    request<{ group: GroupDetail }>('PATCH', group(id), { body: input }),
  join: (code: string) =>
    request<{ group: { id: string } }>('POST', '/api/v1/groups/join', { body: { code } }),
  newInvite: (id: string) => request<unknown>('POST', `${group(id)}/invite`),
  revokeInvite: (id: string) => request<void>('DELETE', `${group(id)}/invite`),
  createTag: (id: string, input: CreateTagInput) =>
    request<unknown>('POST', `${group(id)}/tags`, { body: input }),
  updateTag: (id: string, tagId: string, input: UpdateTagInput) =>
    request<unknown>('PATCH', `${group(id)}/tags/${enc(tagId)}`, { body: input }),
  setRole: (id: string, userId: string, role: GroupRole) =>
    request<unknown>('PATCH', `${group(id)}/members/${enc(userId)}`, { body: { role } }),
  removeMember: (id: string, userId: string) =>
    request<void>('DELETE', `${group(id)}/members/${enc(userId)}`),
};

export const documentsApi = {
  preview: <T>(input: { text: string; format: string }) =>
    request<T>('POST', '/api/v1/documents?preview=1', { body: input }),
  create: (input: unknown) =>
    request<{ document: { slug: string } }>('POST', '/api/v1/documents', { body: input }),
  revise: <T>(documentId: string, input: { text: string; format: string; title?: string }) =>
    request<T>('POST', `/api/v1/documents/${enc(documentId)}/versions`, { body: input }),
};

export const accountApi = {
  holdings: () => request<{ holdings: AccountHoldings }>('GET', '/api/v1/account'),
  remove: (mode: DeleteMode) =>
    request<{ deleted: DeletedAccount }>('DELETE', '/api/v1/account', { body: { mode } }),
  /** A plain link downloads the file (the browser keeps the session cookie). */
  annotationsFile: '/api/v1/account/annotations',
};

export const libraryApi = {
  /** Archive (`archived: true`), restore, or change the audience of an article. */
  update: (documentId: string, input: UpdateDocumentInput) =>
    request<{ document: LibraryDocument }>('PATCH', `/api/v1/documents/${enc(documentId)}`, { body: input }),
  remove: (documentId: string) =>
    request<{ deleted: { id: string; title: string; annotations: number } }>(
      'DELETE',
      `/api/v1/documents/${enc(documentId)}`,
    ),
};

const readings = (groupId: string) => `/api/v1/groups/${enc(groupId)}/readings`;

export const readingsApi = {
  add: (groupId: string, input: AddReadingInput) =>
    request<{ readings: ReadingView[] }>('POST', readings(groupId), { body: input }),
  update: (groupId: string, documentId: string, input: UpdateReadingInput) =>
    request<{ readings: ReadingView[] }>('PATCH', `${readings(groupId)}/${enc(documentId)}`, { body: input }),
  remove: (groupId: string, documentId: string) =>
    request<{ readings: ReadingView[] }>('DELETE', `${readings(groupId)}/${enc(documentId)}`),
};
