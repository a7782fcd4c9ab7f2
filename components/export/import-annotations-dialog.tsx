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

function IssueList({ title, issues }: { title: string; issues: ImportReport['rejected'] }) {
  if (issues.length === 0) return null;
  return (
    <details className="import-issues" open={issues.length <= 5}>
      <summary>
        {title} ({issues.length.toLocaleString('en')})
      </summary>
      <ul>
        {issues.slice(0, SHOWN_ISSUES).map((issue) => (
          <li key={`${issue.index}-${issue.reason}`}>
            <span className="muted">
              Item {issue.index + 1}
              {issue.id ? ` (${issue.id})` : ''}:
            </span>{' '}
            {issue.reason}
          </li>
        ))}
        {issues.length > SHOWN_ISSUES && <li className="muted">…and {issues.length - SHOWN_ISSUES} more.</li>}
      </ul>
    </details>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const skipped = report.skipped.filter((s) => s.reason !== 'already imported');
  return (
    <section className="import-report" aria-label="Import report">
      <ul className="import-totals">
        <li>
          <strong>{plural(report.imported, 'annotation')}</strong> imported
          {report.orphaned > 0 ? `, ${plural(report.orphaned, 'orphan')} among them (quote not found)` : ''}
        </li>
        {report.replies > 0 && <li>{plural(report.replies, 'reply', 'replies')} added</li>}
        {report.alreadyImported > 0 && (
          <li>{plural(report.alreadyImported, 'item')} already imported before: left as they were</li>
        )}
        {report.rejected.length > 0 && <li>{plural(report.rejected.length, 'item')} rejected</li>}
      </ul>
      {report.warnings.length > 0 && (
        <ul className="import-warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <IssueList title="Rejected" issues={report.rejected} />
      <IssueList title="Skipped" issues={skipped} />
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
          orphan. Importing the same file twice adds nothing.
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
