'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeUserAgent } from '@/lib/account/user-agent';
import { authClient } from '@/lib/client/auth-client';

export const SESSIONS_KEY = ['account', 'sessions'] as const;

interface SessionRow {
  id: string;
  token: string;
  userAgent?: string | null;
  updatedAt: Date | string;
  createdAt: Date | string;
}

async function fetchSessions(): Promise<SessionRow[]> {
  const result = await authClient.listSessions();
  if (result.error) throw new Error(result.error.message || 'Your sessions could not be loaded.');
  return [...result.data].sort((a, b) => +new Date(b.updatedAt) - +new Date(a.updatedAt));
}

const when = (value: Date | string) =>
  new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where the account is signed in (better-auth's session list), with sign-out for the others. */
export function SessionsList({ currentSessionId }: { currentSessionId: string }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: fetchSessions });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<{ error: { message?: string } | null }>, done: string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setMessage(result.error ? result.error.message || 'That did not work. Please try again.' : done);
    await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
  }

  const others = (sessions.data ?? []).filter((s) => s.id !== currentSessionId);
  return (
    <section className="account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {sessions.isPending && <p className="muted">Loading your sessions…</p>}
      {sessions.isError && (
        <p role="alert" className="form-error">
          {sessions.error.message}
        </p>
      )}
      {sessions.data && (
        <ul className="session-list" aria-label="Sessions">
          {sessions.data.map((s) => (
            <li key={s.id} className="session-row">
              <span>
                <strong>{describeUserAgent(s.userAgent)}</strong>
                {s.id === currentSessionId && <span className="muted"> (this device)</span>}
                <br />
                <small className="muted">
                  Last active {when(s.updatedAt)} · signed in {when(s.createdAt)}
                </small>
              </span>
              {s.id !== currentSessionId && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  aria-label={`Sign out ${describeUserAgent(s.userAgent)}, last active ${when(s.updatedAt)}`}
                  onClick={() =>
                    run(() => authClient.revokeSession({ token: s.token }), 'That device is signed out.')
                  }
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => run(() => authClient.revokeOtherSessions(), 'Your other devices are signed out.')}
        >
          Sign out all other devices
        </button>
      )}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
    </section>
  );
}
