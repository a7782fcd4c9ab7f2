// Thin fetch wrappers for the reader: typed errors become readable messages.
import type { AnnotationView } from '@/lib/annotations/types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly body?: unknown,
  ) {
    super(message);
  }

  /** Network failures and server errors are worth retrying; a 4xx is not. */
  get retryable() {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    const fields = error?.fields as Record<string, string> | undefined;
    const detail = fields ? Object.values(fields)[0] : undefined;
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_' + response.status,
      detail && detail !== error?.message
        ? `${error?.message} ${detail}`
        : (error?.message ?? `The server answered ${response.status}.`),
      fields,
      body,
    );
  }
  return body as T;
}

export const annotationsApi = {
  create: (documentId: string, input: unknown) =>
    apiFetch<{ annotation: AnnotationView }>(`/api/v1/documents/${documentId}/annotations`, {
      method: 'POST',
      body: JSON.stringify(input),
    }),
  update: (id: string, input: unknown) =>
    apiFetch<{ annotation: AnnotationView }>(`/api/v1/annotations/${id}`, {
      method: 'PATCH',
      body: JSON.stringify(input),
    }),
  remove: (id: string) => apiFetch<void>(`/api/v1/annotations/${id}`, { method: 'DELETE' }),
  list: (documentId: string) =>
    apiFetch<{ annotations: AnnotationView[] }>(`/api/v1/documents/${documentId}/annotations`),
};
