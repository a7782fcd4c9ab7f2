'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { GROUP_NAME_MAX } from '@/lib/groups/schemas';
import { groupsApi } from '@/lib/client/endpoints';
import { useAction } from './use-action';
import './groups.css';

export function CreateGroupForm() {
  const router = useRouter();
  const { busy, error, run } = useAction();
  const [name, setName] = useState('');
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await run(() => groupsApi.create({ name }), {
      refresh: false,
      field: 'name',
    });
    if (created) router.push(`/groups/${created.group.id}`);
  }

  return (
    <form
      className="groups-card groups-form"
      onSubmit={submit}
      aria-labelledby={`${errorId}-title`}
      noValidate
    >
      <h2 id={`${errorId}-title`}>Start a seminar</h2>
      <div className="field">
        <label htmlFor={`${errorId}-name`}>Group name</label>
        <input
          id={`${errorId}-name`}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={GROUP_NAME_MAX * 2}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : `${errorId}-hint`}
          placeholder="e.g. Media studies, Thursday group"
        />
        <small id={`${errorId}-hint`} className="muted">
          Up to {GROUP_NAME_MAX} characters. You will be its facilitator and get an invite link to share.
        </small>
      </div>
      {error && (
        <p id={errorId} role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create group'}
      </button>
    </form>
  );
}
