'use client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AnnotationView, TagView } from '@/lib/annotations/types';
import type { ExportFormat } from '@/lib/openapi/transfer-schemas';
import { filtersToQuery, type ReaderFilters } from '@/lib/reader/filter-annotations';
import { downloadExport, explainFailure, exportUrl, formatBytes } from './export-api';
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

const FORMATS: { value: ExportFormat; label: string; hint: string; extension: string }[] = [
  { value: 'csv', label: 'CSV', hint: 'a row per annotation, for spreadsheets', extension: 'csv' },
  {
    value: 'markdown',
    label: 'Markdown',
    hint: 'quotes and notes grouped by tag, for reading and sharing',
    extension: 'md',
  },
  {
    value: 'jsonld',
    label: 'W3C JSON-LD',
    hint: 'Web Annotations, for other annotation tools or a later import',
    extension: 'jsonld',
  },
];

const PREVIEW_SIZE = 5;

type Preview =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; count: number; first: AnnotationView[] };

function usePreview(documentId: string, query: string | null): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    setPreview({ state: 'loading' });
    // Typing in the text filter should not send a request per key.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(
          `/api/v1/documents/${encodeURIComponent(documentId)}/annotations?${query}`,
          { credentials: 'same-origin', signal: controller.signal },
        );
        if (!response.ok) return setPreview({ state: 'error', message: await explainFailure(response) });
        const { annotations } = (await response.json()) as { annotations: AnnotationView[] };
        setPreview({ state: 'ready', count: annotations.length, first: annotations.slice(0, PREVIEW_SIZE) });
      } catch (error) {
        if ((error as Error).name !== 'AbortError')
          setPreview({ state: 'error', message: 'The preview could not be loaded.' });
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [documentId, query]);
  return preview;
}

function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Export the tagged passages (J7): format, filters prefilled from the review panel, a
 * preview of what will be in the file, and a download that shows its progress. */
export function ExportDialog({
  documentId,
  documentSlug,
  filters,
  groups,
  tags,
  open,
  onClose,
  returnFocus,
}: ExportDialogProps) {
  const activeTags = useMemo(() => tags.filter((t) => !t.retired), [tags]);
  const slugs = useMemo(() => [...new Set(activeTags.map((t) => t.slug))], [activeTags]);
  const initialTags = () => {
    const chosen = filters.tags.filter((t) => slugs.includes(t));
    return chosen.length === 0 && !filters.tags.some((t) => !slugs.includes(t)) ? slugs : chosen;
  };
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [bom, setBom] = useState(false);
  const [chosenTags, setChosenTags] = useState<string[]>(initialTags);
  const [mine, setMine] = useState<ReaderFilters['mine']>(filters.mine);
  const [group, setGroup] = useState<string>(filters.group);
  const [q, setQ] = useState(filters.q);
  const [readers, setReaders] = useState(filters.readers);
  const [progress, setProgress] = useState<{ bytes: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const ids = { tags: useId(), whose: useId(), group: useId(), q: useId(), preview: useId() };

  // Opening again starts from the review panel's current filters.
  useEffect(() => {
    if (!open) return;
    setChosenTags(initialTags());
    setMine(filters.mine);
    setGroup(filters.group);
    setQ(filters.q);
    setReaders(filters.readers);
    setMessage(null);
  }, [open]);

  const noTags = chosenTags.length === 0;
  const selection: ReaderFilters = {
    tags: chosenTags.length === slugs.length ? [] : chosenTags,
    readers,
    mine,
    group,
    q,
  };
  const query = open && !noTags ? filtersToQuery(selection).toString() : null;
  const preview = usePreview(documentId, query);
  const busy = progress !== null;
  const extension = FORMATS.find((f) => f.value === format)!.extension;

  function close() {
    abort.current?.abort();
    onClose();
  }

  async function download() {
    setMessage(null);
    setProgress({ bytes: 0 });
    abort.current = new AbortController();
    const result = await downloadExport(
      exportUrl(documentId, selection, format, bom),
      `${documentSlug}-annotations.${extension}`,
      (bytes) => setProgress({ bytes }),
      abort.current.signal,
    );
    setProgress(null);
    setMessage(
      result.ok
        ? { kind: 'done', text: `Saved ${result.data.filename} (${formatBytes(result.data.bytes)}).` }
        : { kind: 'error', text: result.message },
    );
  }

  const toggleTag = (slug: string) =>
    setChosenTags((now) =>
      now.includes(slug) ? now.filter((t) => t !== slug) : slugs.filter((s) => s === slug || now.includes(s)),
    );

  return (
    <ModalDialog open={open} onClose={close} title="Export annotations" returnFocus={returnFocus}>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && !noTags) void download();
        }}
      >
        <fieldset className="export-fieldset">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <div key={f.value}>
              <label className="export-choice">
                <input
                  type="radio"
                  name="format"
                  value={f.value}
                  checked={format === f.value}
                  onChange={() => setFormat(f.value)}
                  data-autofocus={format === f.value ? '' : undefined}
                />
                <span>
                  <strong>{f.label}</strong> <span className="muted">— {f.hint}</span>
                </span>
              </label>
              {f.value === 'csv' && format === 'csv' && (
                <label className="export-choice export-indent">
                  <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
                  <span>
                    For Excel: add a byte order mark, so that accents and other scripts show correctly
                  </span>
                </label>
              )}
            </div>
          ))}
        </fieldset>

        <fieldset className="export-fieldset">
          <legend>Which annotations</legend>
          <div role="group" aria-labelledby={ids.tags} className="export-tags">
            <span id={ids.tags} className="export-label">
              Tags
            </span>
            {activeTags.map((tag) => (
              <label
                key={tag.id}
                className="export-choice export-tag"
                style={{ '--tag-color': tag.color } as React.CSSProperties}
              >
                <input
                  type="checkbox"
                  checked={chosenTags.includes(tag.slug)}
                  onChange={() => toggleTag(tag.slug)}
                />
                <span className={`export-swatch export-underline-${tag.underline}`}>{tag.name}</span>
              </label>
            ))}
          </div>
          <div className="export-row">
            <label className="field" htmlFor={ids.whose}>
              <span>Whose</span>
              <select
                id={ids.whose}
                value={mine}
                onChange={(e) => setMine(e.target.value as ReaderFilters['mine'])}
              >
                <option value="all">Everyone’s I can see</option>
                <option value="mine">Only mine</option>
                <option value="others">Only others’</option>
              </select>
            </label>
            <label className="field" htmlFor={ids.group}>
              <span>Shared with</span>
              <select id={ids.group} value={group} onChange={(e) => setGroup(e.target.value)}>
                <option value="all">Any group, and private</option>
                <option value="private">Private only</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="field" htmlFor={ids.q}>
            <span>Containing text</span>
            <input
              id={ids.q}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              maxLength={200}
              placeholder="in the quote or the note"
            />
          </label>
          {readers.length > 0 && (
            <p className="export-note">
              Only {readers.length === 1 ? 'one selected reader' : `${readers.length} selected readers`}.{' '}
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => setReaders([])}
              >
                Include every reader
              </button>
            </p>
          )}
        </fieldset>

        <section
          className="export-preview"
          aria-labelledby={ids.preview}
          aria-live="polite"
          aria-busy={preview.state === 'loading'}
        >
          <h3 id={ids.preview}>Preview</h3>
          {noTags ? (
            <p className="form-error">Choose at least one tag.</p>
          ) : preview.state === 'loading' ? (
            <p className="muted">Counting…</p>
          ) : preview.state === 'error' ? (
            <p className="form-error">{preview.message}</p>
          ) : (
            <>
              <p className="export-count">
                <strong>
                  {preview.count === 1 ? '1 annotation' : `${preview.count.toLocaleString('en')} annotations`}
                </strong>
                {preview.count > PREVIEW_SIZE
                  ? ` — the first ${PREVIEW_SIZE}:`
                  : preview.count > 0
                    ? ':'
                    : ' match these filters.'}
              </p>
              {preview.first.length > 0 && (
                <ol className="export-preview-list">
                  {preview.first.map((a) => (
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
              )}
            </>
          )}
        </section>

        <div role="status" className="export-status">
          {busy ? `Preparing… ${formatBytes(progress.bytes)}` : message?.kind === 'done' ? message.text : ''}
        </div>
        {message?.kind === 'error' && (
          <p className="form-error" role="alert">
            {message.text}
          </p>
        )}

        <div className="export-actions">
          <button type="button" className="button" onClick={busy ? () => abort.current?.abort() : close}>
            {busy ? 'Stop' : 'Cancel'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || noTags}>
            Download {FORMATS.find((f) => f.value === format)!.label}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
