'use client';
import { useRef, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { ImportReport } from '@/lib/openapi/transfer-schemas';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { ExportDialog } from './export-dialog';
import { ImportAnnotationsDialog } from './import-annotations-dialog';

export interface ExportButtonsProps {
  documentId: string;
  documentSlug: string;
  filters: ReaderFilters;
  groups: { id: string; name: string }[];
  tags: TagView[];
  onImported?: (report: ImportReport) => void;
}

/** "Export" and "Import annotations" for the reader's toolbar; each opens its dialog and
 * gets the focus back when it closes. */
export function ExportButtons({
  documentId,
  documentSlug,
  filters,
  groups,
  tags,
  onImported,
}: ExportButtonsProps) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  return (
    <span className="export-buttons">
      <button
        ref={exportButton}
        type="button"
        className="button button-small"
        aria-haspopup="dialog"
        onClick={() => setOpen('export')}
      >
        Export
      </button>
      <button
        ref={importButton}
        type="button"
        className="button button-small"
        aria-haspopup="dialog"
        onClick={() => setOpen('import')}
      >
        Import annotations
      </button>
      <ExportDialog
        documentId={documentId}
        documentSlug={documentSlug}
        filters={filters}
        groups={groups}
        tags={tags}
        open={open === 'export'}
        onClose={() => setOpen(null)}
        returnFocus={exportButton}
      />
      <ImportAnnotationsDialog
        documentId={documentId}
        groups={groups}
        tags={tags}
        open={open === 'import'}
        onClose={() => setOpen(null)}
        onImported={onImported}
        returnFocus={importButton}
      />
    </span>
  );
}
