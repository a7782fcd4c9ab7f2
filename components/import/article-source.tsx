'use client';
import { useId, useMemo, useRef, useState } from 'react';
import { detectFormat } from '@/lib/articles/parse-article';
import type { ArticleFormat } from '@/lib/articles/types';
import { pastedTextProblem, readArticleFile } from './read-article-file';
import './import.css';

export interface ArticleSourceValue {
  text: string;
  /** the uploaded file's name, which decides the detected format */
  fileName: string | null;
  choice: 'auto' | ArticleFormat;
}

export const EMPTY_SOURCE: ArticleSourceValue = { text: '', fileName: null, choice: 'auto' };

export const FORMAT_NAMES: Record<ArticleFormat, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'HTML',
};

export function effectiveFormat(value: ArticleSourceValue): ArticleFormat {
  return value.choice === 'auto' ? detectFormat(value.fileName ?? undefined, value.text) : value.choice;
}

/** Why the source cannot be sent yet, or null. */
export function sourceProblem(value: ArticleSourceValue): string | null {
  if (value.text.trim() === '') return 'Paste the article text or upload a file first.';
  return pastedTextProblem(value.text);
}

/** Paste or upload an article (.txt, .md, .html); the format is detected and can be overridden. */
export function ArticleSource({
  value,
  onChange,
  disabled,
  label = 'Article text',
}: {
  value: ArticleSourceValue;
  onChange: (next: ArticleSourceValue) => void;
  disabled?: boolean;
  label?: string;
}) {
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textId = useId();
  const problemId = useId();
  const fileErrorId = useId();
  const fileId = useId();
  const fileHintId = useId();
  const formatId = useId();
  const formatHintId = useId();
  const detected = useMemo(
    () => detectFormat(value.fileName ?? undefined, value.text),
    [value.fileName, value.text],
  );
  const sizeProblem = pastedTextProblem(value.text);

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setFileError(null);
    const result = await readArticleFile(file);
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setFileError(result.message);
      return;
    }
    onChange({ ...value, text: result.text, fileName: file.name });
  }

  return (
    <div className="import-source">
      <div className="field">
        <label htmlFor={textId} className="import-label">
          {label}
        </label>
        <textarea
          id={textId}
          value={value.text}
          disabled={disabled}
          spellCheck={false}
          placeholder="Paste the article here: plain text, Markdown or HTML."
          aria-invalid={sizeProblem ? true : undefined}
          aria-describedby={sizeProblem ? problemId : undefined}
          onChange={(event) => onChange({ ...value, text: event.target.value })}
        />
        {sizeProblem && (
          <p id={problemId} className="form-error" role="alert">
            {sizeProblem}
          </p>
        )}
        {value.fileName && !sizeProblem && (
          <p className="import-file-loaded muted">
            Loaded from {value.fileName}. You can still edit the text.
          </p>
        )}
      </div>
      <div className="import-row">
        <div className="field">
          <label htmlFor={fileId} className="import-label">
            Or upload a file
          </label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            disabled={disabled}
            aria-describedby={fileError ? `${fileHintId} ${fileErrorId}` : fileHintId}
            onChange={(event) => void chooseFile(event.target.files?.[0])}
          />
          <p id={fileHintId} className="import-hint">
            .txt, .md or .html, up to 2 MB
          </p>
        </div>
        <div className="field">
          <label htmlFor={formatId} className="import-label">
            Format
          </label>
          <select
            id={formatId}
            value={value.choice}
            disabled={disabled}
            aria-describedby={formatHintId}
            onChange={(event) =>
              onChange({ ...value, choice: event.target.value as ArticleSourceValue['choice'] })
            }
          >
            <option value="auto">
              Detect automatically (
              {value.text.trim() ? `looks like ${FORMAT_NAMES[detected]}` : 'nothing yet'})
            </option>
            <option value="text">{FORMAT_NAMES.text}</option>
            <option value="markdown">{FORMAT_NAMES.markdown}</option>
            <option value="html">{FORMAT_NAMES.html}</option>
          </select>
          <p id={formatHintId} className="import-hint">
            HTML is reduced to its text: scripts, styles and menus are dropped.
          </p>
        </div>
      </div>
      {fileError && (
        <p id={fileErrorId} className="form-error" role="alert">
          {fileError}
        </p>
      )}
    </div>
  );
}
