'use client';
import { useId, useState, type FormEvent } from 'react';
import {
  contrastWithWhite,
  TAG_NAME_MAX,
  UNDERLINE_STYLES,
  type UnderlineStyle,
} from '@/lib/groups/tag-style';
import { TagSwatch } from './tag-swatch';

export interface TagDraft {
  name: string;
  color: string;
  underline: UnderlineStyle;
}

/** Name, colour and underline style, with a live preview. Used to add and to edit. */
export function TagForm({
  initial,
  submitLabel,
  busy,
  error,
  fields,
  onSubmit,
  onCancel,
}: {
  initial: TagDraft;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  onSubmit: (draft: TagDraft) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  const faint = contrastWithWhite(draft.color) < 3;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await onSubmit(draft);
    if (ok && !onCancel) setDraft(initial);
  }

  // A conflict's message is the same as its field's: say it once, in the alert.
  const inline = (name: keyof TagDraft) => Boolean(fields[name]) && fields[name] !== error;
  const fieldError = (name: keyof TagDraft) =>
    inline(name) ? (
      <small id={`${id}-${name}-error`} className="groups-field-error">
        {fields[name]}
      </small>
    ) : null;

  return (
    <form className="groups-tag-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Tag name</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          maxLength={TAG_NAME_MAX}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          aria-invalid={fields.name ? true : undefined}
          aria-describedby={inline('name') ? `${id}-name-error` : fields.name ? `${id}-error` : undefined}
        />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-color`}>Colour</label>
        <input
          id={`${id}-color`}
          type="color"
          className="groups-color"
          value={draft.color}
          onChange={(e) => setDraft({ ...draft, color: e.target.value })}
          aria-describedby={faint ? `${id}-faint` : undefined}
        />
        {fieldError('color')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-underline`}>Underline</label>
        <select
          id={`${id}-underline`}
          value={draft.underline}
          onChange={(e) => setDraft({ ...draft, underline: e.target.value as UnderlineStyle })}
        >
          {UNDERLINE_STYLES.map((style) => (
            <option key={style} value={style}>
              {style}
            </option>
          ))}
        </select>
      </div>
      <div className="field groups-preview">
        <span>Preview</span>
        <TagSwatch name={draft.name || 'New tag'} color={draft.color} underline={draft.underline} />
      </div>
      {faint && (
        <p id={`${id}-faint`} className="notice groups-wide">
          This colour is faint on the page; a darker one keeps the underline easy to see.
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error groups-wide">
          {error}
        </p>
      )}
      <div className="groups-buttons groups-wide">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
