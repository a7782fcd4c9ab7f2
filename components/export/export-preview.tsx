'use client';
import { useQuery } from '@tanstack/react-query';
import type { AnnotationView } from '@/lib/annotations/types';
import { annotationsApi } from '@/lib/client/endpoints';
import { annotationKeys } from '@/components/reader/annotation-cache';
import { useDebounced } from '@/components/use-debounced';

const PREVIEW_SIZE = 5;

function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How many annotations the export will hold, and the first few, for these filters (a
 * query string; null when there is nothing to ask). */
function usePreview(documentId: string, query: string | null) {
  // Typing in the text filter should not send a request per key.
  const settled = useDebounced(query, 250);
  return useQuery({
    queryKey: annotationKeys.preview(documentId, settled ?? ''),
    queryFn: async ({ signal }) => (await annotationsApi.list(documentId, settled ?? '', signal)).annotations,
    enabled: settled !== null && settled === query,
    staleTime: 0,
  });
}

function PreviewList({ first }: { first: AnnotationView[] }) {
  return (
    <ol className="export-preview-list">
      {first.map((a) => (
        <li key={a.id}>
          <q>{shorten(a.target.exact)}</q>
          <span className="muted">
            {' '}
            — {a.author.name} · {a.tags.join(', ')}
            {a.status === 'ORPHANED' ? ' · orphaned' : ''}
          </span>
          {a.noteText && <span className="export-preview-note">{shorten(a.noteText, 100)}</span>}
        </li>
      ))}
    </ol>
  );
}

function countLine(count: number) {
  const tail =
    count > PREVIEW_SIZE ? ` — the first ${PREVIEW_SIZE}:` : count > 0 ? ':' : ' match these filters.';
  return (
    <p className="export-count">
      <strong>{count === 1 ? '1 annotation' : `${count.toLocaleString('en')} annotations`}</strong>
      {tail}
    </p>
  );
}

/** The export dialog's preview: what will be in the file. */
export function ExportPreview({
  documentId,
  query,
  headingId,
}: {
  documentId: string;
  /** the filters as a query string; null when no tag is chosen */
  query: string | null;
  headingId: string;
}) {
  const preview = usePreview(documentId, query);
  const loading = query !== null && (preview.isPending || preview.isFetching);
  const found = preview.data ?? [];
  return (
    <section className="export-preview" aria-labelledby={headingId} aria-live="polite" aria-busy={loading}>
      <h3 id={headingId}>Preview</h3>
      {query === null ? (
        <p className="form-error">Choose at least one tag.</p>
      ) : loading ? (
        <p className="muted">Counting…</p>
      ) : preview.isError ? (
        <p className="form-error">{preview.error.message}</p>
      ) : (
        <>
          {countLine(found.length)}
          {found.length > 0 && <PreviewList first={found.slice(0, PREVIEW_SIZE)} />}
        </>
      )}
    </section>
  );
}
