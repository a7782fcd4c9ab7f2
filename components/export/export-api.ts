// The export and import dialogs' requests, over the one API client (lib/client/api.ts):
// the export is read as a stream so that its progress can be shown, then saved as a file.
import { ApiError, networkError, send, settle, type Outcome } from '@/lib/client/api';
import { annotationsApi } from '@/lib/client/endpoints';
import type { ExportFormat, ImportReport } from '@/lib/openapi/transfer-schemas';
import { filtersToQuery, type ReaderFilters } from '@/lib/reader/filter-annotations';

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

async function readAll(response: Response, onProgress: (bytes: number) => void) {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  if (!response.body) throw new ApiError(0, 'NETWORK', 'The download was interrupted. Please try again.');
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
    const failure = networkError(error);
    if (failure.kind === 'cancelled') throw failure;
    throw new ApiError(0, 'NETWORK', 'The download was interrupted. Please try again.');
  }
  return { parts, bytes };
}

function saveFile(parts: BlobPart[], filename: string, type: string) {
  const href = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** Downloads through fetch so that progress can be shown, then saves the file. */
export function downloadExport(
  url: string,
  fallbackName: string,
  onProgress: (bytes: number) => void,
  signal: AbortSignal,
): Promise<Outcome<{ filename: string; bytes: number }>> {
  return settle(
    (async () => {
      const response = await send('GET', url, { signal });
      const { parts, bytes } = await readAll(response, onProgress);
      const filename = filenameOf(response, fallbackName);
      saveFile(parts, filename, response.headers.get('content-type') ?? 'application/octet-stream');
      return { filename, bytes };
    })(),
  );
}

export function importAnnotationsFile(
  documentId: string,
  file: File,
  groupId: string,
  defaultTag: string,
): Promise<Outcome<ImportReport>> {
  const query = new URLSearchParams({ defaultTag });
  if (groupId) query.set('groupId', groupId);
  return settle(annotationsApi.importFile(documentId, file, query));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
