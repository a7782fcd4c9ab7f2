'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { groupsApi } from '@/lib/client/endpoints';
import { useAction } from './use-action';
import './groups.css';

/** For readers who were given a code (or a link) rather than clicking one. */
export function JoinCodeForm() {
  const router = useRouter();
  const { busy, error, run } = useAction();
  const [code, setCode] = useState('');
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const joined = await run(() => groupsApi.join(code), { refresh: false, field: 'code' });
    if (joined) router.push(`/groups/${joined.group.id}`);
  }

  return (
    <form className="groups-card groups-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Join with a code</h2>
      <label className="field">
        <span>Invite code or link</span>
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </label>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy || code.trim() === ''}>
        {busy ? 'Joining…' : 'Join group'}
      </button>
    </form>
  );
}
