'use client';
import { useId, useState, type FormEvent } from 'react';
import { REVEAL_AFTER_MAX } from '@/lib/groups/schemas';
import { groupsApi } from '@/lib/client/endpoints';
import { useAction } from './use-action';

function describe(n: number): string {
  if (n === 0) return 'Members see each other’s annotations straight away.';
  return `Members see others’ annotations on a document only after posting ${n} of their own there. Facilitators always see everything.`;
}

export function RevealSetting({
  groupId,
  revealAfter,
  facilitator,
}: {
  groupId: string;
  revealAfter: number;
  facilitator: boolean;
}) {
  const [value, setValue] = useState(String(revealAfter));
  const [saved, setSaved] = useState('');
  const { busy, error, run } = useAction();
  const id = useId();

  if (!facilitator) return <p>{describe(revealAfter)}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    const n = value.trim() === '' ? NaN : Number(value);
    const ok = await run(() => groupsApi.update(groupId, { revealAfter: n }), {
      field: 'revealAfter',
    });
    if (ok) setSaved('Saved.');
  }

  return (
    <form className="groups-reveal" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-input`}>Reveal others’ annotations after</label>
      <div className="groups-reveal-row">
        <input
          id={`${id}-input`}
          type="number"
          inputMode="numeric"
          min={0}
          max={REVEAL_AFTER_MAX}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={`${id}-unit ${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
        <span id={`${id}-unit`}>of a member’s own annotations on the document</span>
        <button type="submit" className="button button-small" disabled={busy}>
          Save
        </button>
        <span role="status" className="groups-status">
          {saved}
        </span>
      </div>
      <p id={`${id}-hint`} className="muted">
        {describe(revealAfter)} Use 0 to turn this off.
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
