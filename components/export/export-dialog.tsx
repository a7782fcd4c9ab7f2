'use client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { ExportFormat } from '@/lib/openapi/transfer-schemas';
import { filtersToQuery, type ReaderFilters } from '@/lib/reader/filter-annotations';
import { exportFileName } from '@/lib/export/file-name';
import { downloadExport, exportUrl, formatBytes } from './export-api';
import { FORMATS, FormatFields, SelectionFields, type ExportSelection } from './export-fields';
import { ExportPreview } from './export-preview';
import { ModalDialog } from './modal-dialog';
import './export.css';

export interface ExportDialogProps {
  documentId: string;
  documentSlug: string;
  /** the review panel's filters: the dialog starts from them */
  filters: ReaderFilters;
  groups: { id: string; name: string }[];
  tags: TagView[];
  open: boolean;
  onClose: () => void;
  returnFocus?: React.RefObject<HTMLElement | null>;
}

type FormProps = Omit<ExportDialogProps, 'open' | 'returnFocus'>;

/** The review panel's filters as the dialog's starting selection: its tags among the
 * active ones, or all of them when it filters on none. */
function initialSelection(filters: ReaderFilters, slugs: string[]): ExportSelection {
  const chosen = filters.tags.filter((t) => slugs.includes(t));
  const none = chosen.length === 0 && !filters.tags.some((t) => !slugs.includes(t));
  return {
    chosenTags: none ? slugs : chosen,
    mine: filters.mine,
    group: filters.group,
    q: filters.q,
    readers: filters.readers,
  };
}

/** A download that shows its progress and can be stopped. */
function useDownload() {
  const [progress, setProgress] = useState<{ bytes: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Closing the dialog (Escape, the backdrop) stops a download under way.
  useEffect(() => () => abort.current?.abort(), []);

  async function start(url: string, fallbackName: string) {
    setMessage(null);
    setProgress({ bytes: 0 });
    abort.current = new AbortController();
    const result = await downloadExport(
      url,
      fallbackName,
      (bytes) => setProgress({ bytes }),
      abort.current.signal,
    );
    setProgress(null);
    if (result.ok)
      setMessage({
        kind: 'done',
        text: `Saved ${result.data.filename} (${formatBytes(result.data.bytes)}).`,
      });
    else
      setMessage({
        kind: 'error',
        text: result.error.kind === 'cancelled' ? 'Download cancelled.' : result.message,
      });
  }

  return { progress, message, start, stop: () => abort.current?.abort() };
}

/** Opening again starts from the review panel's current filters: the form mounts anew. */
function ExportForm({ documentId, documentSlug, filters, groups, tags, onClose }: FormProps) {
  const activeTags = useMemo(() => tags.filter((t) => !t.retired), [tags]);
  const slugs = useMemo(() => [...new Set(activeTags.map((t) => t.slug))], [activeTags]);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [bom, setBom] = useState(false);
  const [chosen, setChosen] = useState(() => initialSelection(filters, slugs));
  const download = useDownload();
  const previewId = useId();

  const noTags = chosen.chosenTags.length === 0;
  const { chosenTags, ...rest } = chosen;
  const selection: ReaderFilters = { ...rest, tags: chosenTags.length === slugs.length ? [] : chosenTags };
  const query = noTags ? null : filtersToQuery(selection).toString();
  const busy = download.progress !== null;
  const chosenFormat = FORMATS.find((f) => f.value === format)!;

  function close() {
    download.stop();
    onClose();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy || noTags) return;
    // The server names the file (Content-Disposition); this is the same name, should it not.
    const name = exportFileName({
      slug: documentSlug,
      tags: selection.tags,
      group:
        selection.group === 'all'
          ? null
          : selection.group === 'private'
            ? 'private'
            : (groups.find((g) => g.id === selection.group)?.name ?? null),
      mine: selection.mine === 'all' ? null : selection.mine,
      date: new Date(),
      extension: chosenFormat.extension,
    });
    void download.start(exportUrl(documentId, selection, format, bom), name);
  }

  return (
    <form className="export-form" onSubmit={submit}>
      <FormatFields format={format} bom={bom} onFormat={setFormat} onBom={setBom} />
      <SelectionFields
        value={chosen}
        onChange={(change) => setChosen((now) => ({ ...now, ...change }))}
        activeTags={activeTags}
        groups={groups}
      />
      <ExportPreview documentId={documentId} query={query} headingId={previewId} />
      <div role="status" className="export-status">
        {busy
          ? `Preparing… ${formatBytes(download.progress!.bytes)}`
          : download.message?.kind === 'done'
            ? download.message.text
            : ''}
      </div>
      {download.message?.kind === 'error' && (
        <p className="form-error" role="alert">
          {download.message.text}
        </p>
      )}
      <div className="export-actions">
        <button type="button" className="button" onClick={busy ? download.stop : close}>
          {busy ? 'Stop' : 'Cancel'}
        </button>
        <button type="submit" className="button button-primary" disabled={busy || noTags}>
          Download {chosenFormat.label}
        </button>
      </div>
    </form>
  );
}

/** Export the tagged passages (J7): format, filters prefilled from the review panel, a
 * preview of what will be in the file, and a download that shows its progress. */
export function ExportDialog({ open, returnFocus, ...form }: ExportDialogProps) {
  return (
    <ModalDialog open={open} onClose={form.onClose} title="Export annotations" returnFocus={returnFocus}>
      <ExportForm {...form} />
    </ModalDialog>
  );
}
