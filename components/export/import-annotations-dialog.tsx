'use client';
import { useId, useMemo, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { ImportReport } from '@/lib/openapi/transfer-schemas';
import { formatBytes, importAnnotationsFile } from './export-api';
import { ModalDialog } from './modal-dialog';
import './export.css';

export interface ImportAnnotationsDialogProps {
  documentId: string;
  groups: { id: string; name: string }[];
  tags: TagView[];
  open: boolean;
  onClose: () => void;
  /** called after annotations were added, e.g. to reload the reader's list */
  onImported?: (report: ImportReport) => void;
  returnFocus?: React.RefObject<HTMLElement | null>;
}

const MAX_BYTES = 10 * 1024 * 1024;
const SHOWN_ISSUES = 50;

function plural(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

type ReportLine = { index: number; id: string | null; reason: string };

function LineList({ title, lines, total }: { title: string; lines: ReportLine[]; total: number }) {
  if (total === 0) return null;
  return (
    <details className="import-issues" open={lines.length > 0 && lines.length <= 5}>
      <summary>
        {title} ({total.toLocaleString('en')})
      </summary>
      <ul>
        {lines.slice(0, SHOWN_ISSUES).map((line) => (
          <li key={`${line.index}-${line.reason}`}>
            <span className="muted">
              Item {line.index + 1}
              {line.id ? ` (${line.id})` : ''}:
            </span>{' '}
            {line.reason}
          </li>
        ))}
        {total > Math.min(lines.length, SHOWN_ISSUES) && (
          <li className="muted">…and {total - Math.min(lines.length, SHOWN_ISSUES)} more.</li>
        )}
      </ul>
    </details>
  );
}

const ADDED = new Set(['ANCHORED', 'REANCHORED', 'ATTACHED']);
const ALREADY = new Set(['ALREADY_IMPORTED', 'ALREADY_HERE']);
const ALREADY_SKIPS = new Set(['already imported', 'already imported (and deleted since)', 'already here']);

/** The report in four lists, each line with its reason: imported, already here, orphaned, rejected. */
function ReportView({ report }: { report: ImportReport }) {
  const lines = (statuses: Set<string>) =>
    report.items
      .filter((i) => statuses.has(i.status))
      .map((i) => ({ index: i.index, id: i.sourceId, reason: i.reason }));
  const refused = [...report.rejected, ...report.skipped.filter((s) => !ALREADY_SKIPS.has(s.reason))].sort(
    (a, b) => a.index - b.index,
  );
  const already = report.alreadyImported + report.alreadyHere;
  return (
    <section className="import-report" aria-label="Import report">
      <ul className="import-totals">
        <li>
          <strong>{plural(report.imported, 'annotation')}</strong> imported
          {report.orphaned > 0 ? `, ${plural(report.orphaned, 'orphan')} among them (quote not found)` : ''}
        </li>
        {report.replies > 0 && <li>{plural(report.replies, 'reply', 'replies')} added</li>}
        {already > 0 && <li>{plural(already, 'item')} already here: left as they were</li>}
        {refused.length > 0 && <li>{plural(refused.length, 'item')} rejected</li>}
      </ul>
      {report.warnings.length > 0 && (
        <ul className="import-warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <LineList
        title="Imported"
        lines={lines(ADDED)}
        total={report.imported - report.orphaned + report.replies}
      />
      <LineList title="Already here" lines={lines(ALREADY)} total={already} />
      <LineList title="Orphaned" lines={lines(new Set(['ORPHANED']))} total={report.orphaned} />
      <LineList title="Rejected" lines={refused} total={refused.length} />
      {report.omitted > 0 && (
        <p className="muted">The lists stop at 1,000 lines each; the counts cover the whole file.</p>
      )}
    </section>
  );
}

/** Import W3C Web Annotation (or Hypothesis) JSON into this document (J9). */
export function ImportAnnotationsDialog({
  documentId,
  groups,
  tags,
  open,
  onClose,
  onImported,
  returnFocus,
}: ImportAnnotationsDialogProps) {
  const [file, setFile] = useState<File | null>(null);
  const [groupId, setGroupId] = useState('');
  const [defaultTag, setDefaultTag] = useState('claim');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const ids = { file: useId(), group: useId(), tag: useId(), hint: useId() };
  // The default tag must exist where the annotations go: the defaults, plus the group's own.
  const tagChoices = useMemo(
    () => tags.filter((t) => !t.retired && (t.groupId === null || t.groupId === groupId)),
    [tags, groupId],
  );

  function close() {
    if (busy) return;
    setReport(null);
    setError(null);
    setFile(null);
    onClose();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose a file to import.');
    if (file.size > MAX_BYTES) return setError(`The file is ${formatBytes(file.size)}; the limit is 10 MB.`);
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await importAnnotationsFile(
      documentId,
      file,
      groupId,
      tagChoices.some((t) => t.slug === defaultTag) ? defaultTag : 'claim',
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setReport(result.data);
    if (result.data.imported > 0 || result.data.replies > 0) onImported?.(result.data);
  }

  return (
    <ModalDialog open={open} onClose={close} title="Import annotations" returnFocus={returnFocus}>
      <form className="export-form" onSubmit={submit} aria-describedby={ids.hint}>
        <p id={ids.hint} className="muted">
          A W3C Web Annotation file (JSON-LD), for example exported from Marginalia or Hypothesis. Each
          annotation is placed by the text it quotes; one whose text is not in this document is kept as an
          orphan. Importing the same file twice adds nothing, and annotations that are already here are
          recognised.
        </p>
        <label className="field" htmlFor={ids.file}>
          <span>File</span>
          <input
            id={ids.file}
            type="file"
            data-autofocus=""
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="export-row">
          <label className="field" htmlFor={ids.group}>
            <span>Share with</span>
            <select id={ids.group} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <option value="">Nobody (private)</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={ids.tag}>
            <span>Tag for untagged annotations</span>
            <select id={ids.tag} value={defaultTag} onChange={(e) => setDefaultTag(e.target.value)}>
              {tagChoices.map((t) => (
                <option key={t.id} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div role="status" className="export-status">
          {busy ? 'Importing…' : ''}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {report && <ReportView report={report} />}
        <div className="export-actions">
          <button type="button" className="button" onClick={close} disabled={busy}>
            {report ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !file}>
            Import
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
