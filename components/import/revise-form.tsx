'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ArticleSource, EMPTY_SOURCE, effectiveFormat, sourceProblem, type ArticleSourceValue } from './article-source';
import { RevisionSummary, type RevisionOutcome } from './revision-summary';
import { sendJson } from './send-json';

/** Upload a revised version; the summary says what happened to the annotations. */
export function ReviseForm({ documentId, slug }: { documentId: string; slug: string }) {
  const router = useRouter();
  const [source, setSource] = useState<ArticleSourceValue>(EMPTY_SOURCE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RevisionOutcome | null>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    const problem = sourceProblem(source);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await sendJson<RevisionOutcome>('POST', `/api/v1/documents/${encodeURIComponent(documentId)}/versions`, {
      text: source.text,
      format: effectiveFormat(source),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setOutcome(result.data);
    setSource(EMPTY_SOURCE);
    router.refresh(); // the version list below is rendered on the server
  }

  return (
    <>
      <form onSubmit={upload} noValidate aria-busy={busy}>
        <ArticleSource value={source} onChange={setSource} disabled={busy} label="Revised article text" />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="import-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Uploading and moving annotations…' : 'Upload revised version'}
          </button>
        </div>
      </form>
      {outcome && <RevisionSummary outcome={outcome} slug={slug} />}
    </>
  );
}
