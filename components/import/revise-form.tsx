'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import {
  ArticleSource,
  EMPTY_SOURCE,
  effectiveFormat,
  sourceProblem,
  type ArticleSourceValue,
} from './article-source';
import { RevisionSummary, type RevisionOutcome } from './revision-summary';
import { settle } from '@/lib/client/api';
import { documentsApi } from '@/lib/client/endpoints';

/** Upload a revised version; the summary says what happened to the annotations. */
export function ReviseForm({
  documentId,
  slug,
  currentTitle,
}: {
  documentId: string;
  slug: string;
  currentTitle: string;
}) {
  const router = useRouter();
  const [source, setSource] = useState<ArticleSourceValue>(EMPTY_SOURCE);
  // The title the seminar knows the article by stays unless the reader changes it here;
  // the parser would otherwise take the revised text's own headline.
  const [title, setTitle] = useState(currentTitle);
  const titleHintId = useId();
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
    const result = await settle(
      documentsApi.revise<RevisionOutcome>(documentId, {
        text: source.text,
        format: effectiveFormat(source),
        ...(title.trim() ? { title: title.trim() } : {}),
      }),
    );
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
        <div className="field">
          <label className="import-label" htmlFor={`${titleHintId}-input`}>
            Title
          </label>
          <input
            id={`${titleHintId}-input`}
            value={title}
            maxLength={300}
            disabled={busy}
            aria-describedby={titleHintId}
            onChange={(event) => setTitle(event.target.value)}
          />
          <p id={titleHintId} className="import-hint">
            Leave it empty to take the title found in the revised text.
          </p>
        </div>
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
