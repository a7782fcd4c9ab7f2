'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArticleFormat, ParsedBlock } from '@/lib/articles/types';
import {
  ArticleSource,
  EMPTY_SOURCE,
  FORMAT_NAMES,
  effectiveFormat,
  sourceProblem,
  type ArticleSourceValue,
} from './article-source';
import { BlockReview, describeCounts, type ReviewBlock, type ReviewKind } from './block-review';
import { settle } from '@/lib/client/api';
import { documentsApi, readingsApi } from '@/lib/client/endpoints';

interface Preview {
  title: string;
  format: ArticleFormat;
  blocks: ParsedBlock[];
}

interface Review {
  format: ArticleFormat;
  title: string;
  blocks: ReviewBlock[];
}

/** Import an article: paste or upload, check the preview (title, kinds of blocks), save;
 * private to the importer unless they put it on the reading list of a seminar they run. */
export function ImportForm({ seminars = [] }: { seminars?: { id: string; name: string }[] }) {
  const router = useRouter();
  const [seminarId, setSeminarId] = useState('');
  const [source, setSource] = useState<ArticleSourceValue>(EMPTY_SOURCE);
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  const reviewing = review !== null;
  // Moving focus to the preview tells keyboard and screen-reader users the step changed.
  useEffect(() => {
    if (reviewing) reviewHeading.current?.focus();
  }, [reviewing]);

  async function preview(event: FormEvent) {
    event.preventDefault();
    const problem = sourceProblem(source);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    const format = effectiveFormat(source);
    const result = await settle(documentsApi.preview<Preview>({ text: source.text, format }));
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const { title, blocks } = result.data;
    setReview({
      format: result.data.format,
      title,
      blocks: blocks
        .filter((b) => b.kind !== 'TITLE')
        .map((b) => ({ kind: b.kind as ReviewKind, text: b.text })),
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!review) return;
    if (review.title.trim() === '') {
      setError('Give the article a title.');
      return;
    }
    setBusy(true);
    setError(null);
    const blocks = review.blocks
      .filter((b) => b.kind !== 'LEAVE_OUT')
      .map((b) => ({ kind: b.kind, text: b.text }));
    const result = await settle(
      documentsApi.create({
        title: review.title.trim(),
        text: source.text,
        format: review.format,
        blocks: [{ kind: 'TITLE', text: review.title.trim() }, ...blocks],
      }),
    );
    if (!result.ok) {
      setBusy(false);
      setError(result.message);
      return;
    }
    const slug = result.data.document.slug;
    if (seminarId) {
      const listed = await settle(readingsApi.add(seminarId, { documentId: slug }));
      if (!listed.ok) {
        setBusy(false);
        setError(`The article was saved, but not added to the reading list: ${listed.message}`);
        return;
      }
    }
    router.push(`/documents/${slug}`);
    router.refresh();
  }

  const errorBox = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  );

  if (!review) {
    return (
      <form onSubmit={preview} noValidate aria-busy={busy}>
        <ArticleSource value={source} onChange={setSource} disabled={busy} />
        {errorBox}
        <div className="import-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Reading the article…' : 'Preview'}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={save} noValidate aria-busy={busy} className="import-review">
      <h2 ref={reviewHeading} tabIndex={-1}>
        Check the article before saving
      </h2>
      <p className="import-counts muted">
        Read as {FORMAT_NAMES[review.format]}: {describeCounts(review.blocks)}. Correct the title, and the
        kind of any block that was misread; leave out what is not part of the article.
      </p>
      <label className="field">
        <span>Title</span>
        <input
          value={review.title}
          maxLength={300}
          disabled={busy}
          onChange={(event) => setReview({ ...review, title: event.target.value })}
        />
      </label>
      {seminars.length > 0 && (
        <label className="field">
          <span>Who reads it</span>
          <select value={seminarId} disabled={busy} onChange={(event) => setSeminarId(event.target.value)}>
            <option value="">Only me (private)</option>
            {seminars.map((s) => (
              <option key={s.id} value={s.id}>
                Add to the reading list of {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <BlockReview
        blocks={review.blocks}
        disabled={busy}
        onKindChange={(index, kind) =>
          setReview({ ...review, blocks: review.blocks.map((b, i) => (i === index ? { ...b, kind } : b)) })
        }
      />
      {errorBox}
      <div className="import-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save article'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => (setReview(null), setError(null))}
        >
          Back to the text
        </button>
      </div>
    </form>
  );
}
