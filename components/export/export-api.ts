// fetch helpers for the export and import dialogs: API errors become one readable sentence.
import type { ExportFormat, ImportReport } from '@/lib/openapi/transfer-schemas';
import { filtersToQuery, type ReaderFilters } from '@/lib/reader/filter-annotations';

export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

export async function explainFailure(response: Response): Promise<string> {
  if (response.status === 401)
    return 'Your session has ended. Sign in again in another tab, then retry here.';
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string; fields?: Record<string, string> };
  } | null;
  const detail = body?.error?.fields ? Object.values(body.error.fields)[0] : undefined;
  const message = body?.error?.message ?? `The server answered ${response.status}. Please try again.`;
  return detail && detail !== message && !message.includes(detail) ? `${message} ${detail}` : message;
}

const unreachable = 'Marginalia could not be reached. Check your connection and try again.';

export function exportUrl(
  documentId: string,
  filters: ReaderFilters,
  format: ExportFormat,
  bom: boolean,
): string {
  const query = filtersToQuery(filters);
  query.set('format', format);
  if (bom && format === 'csv') query.set('bom', '1');
  return `/api/v1/documents/${encodeURIComponent(documentId)}/export?${query}`;
}

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Downloads through fetch so that progress can be shown, then saves the file. */
export async function downloadExport(
  url: string,
  fallbackName: string,
  onProgress: (bytes: number) => void,
  signal: AbortSignal,
): Promise<Outcome<{ filename: string; bytes: number }>> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') return { ok: false, message: 'Download cancelled.' };
    return { ok: false, message: unreachable };
  }
  if (!response.ok || !response.body) return { ok: false, message: await explainFailure(response) };
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parts.push(value as Uint8Array<ArrayBuffer>);
      bytes += value.byteLength;
      onProgress(bytes);
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') return { ok: false, message: 'Download cancelled.' };
    return { ok: false, message: 'The download was interrupted. Please try again.' };
  }
  const filename = filenameOf(response, fallbackName);
  const blob = new Blob(parts, { type: response.headers.get('content-type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, data: { filename, bytes } };
}

export async function importAnnotationsFile(
  documentId: string,
  file: File,
  groupId: string,
  defaultTag: string,
): Promise<Outcome<ImportReport>> {
  const query = new URLSearchParams({ defaultTag });
  if (groupId) query.set('groupId', groupId);
  let response: Response;
  try {
    response = await fetch(
      `/api/v1/documents/${encodeURIComponent(documentId)}/annotations/import?${query}`,
      {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/ld+json' },
        body: file,
      },
    );
  } catch {
    return { ok: false, message: unreachable };
  }
  if (!response.ok) return { ok: false, message: await explainFailure(response) };
  return { ok: true, data: (await response.json()) as ImportReport };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
