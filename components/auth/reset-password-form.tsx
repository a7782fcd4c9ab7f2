'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { authClient } from '@/lib/client/auth-client';
import { PASSWORD_MIN } from '@/lib/limits';
import { PasswordField } from './password-field';

/** The page a reset link leads to (through better-auth's /reset-password/:token, which puts
 * the token in the query, or an error when it is unknown or expired). */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const hintId = useId();

  if (!token) {
    return (
      <section className="auth-card" aria-labelledby="reset-title">
        <h1 id="reset-title">This reset link no longer works</h1>
        <p>A reset link works once, for an hour. Ask for a new one.</p>
        <p className="auth-switch">
          <Link href="/forgot-password">Request a new link</Link>
        </p>
      </section>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('password') ?? '');
    if (newPassword.length < PASSWORD_MIN) {
      setError(`The password is too short: use at least ${PASSWORD_MIN} characters.`);
      return;
    }
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setError('The two passwords differ. Type the same password twice.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await authClient.resetPassword({ newPassword, token: token ?? undefined });
    if (result.error) {
      setBusy(false);
      setError(
        result.error.code === 'INVALID_TOKEN'
          ? 'This reset link no longer works (it works once, for an hour). Request a new one.'
          : result.error.message || 'The password could not be changed. Please try again.',
      );
      return;
    }
    router.replace('/sign-in?reset=done');
  }

  return (
    <section className="auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p className="muted">Every device signed in to your account will be signed out.</p>
      <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <PasswordField label="New password" name="password" kind="new" aria-describedby={hintId} />
        {/* Outside the label, so that the field's name stays "New password". */}
        <p id={hintId} className="muted">
          At least {PASSWORD_MIN} characters.
        </p>
        <PasswordField label="Repeat the new password" name="confirm" kind="repeat" />
        {error && (
          <p id={errorId} role="alert" className="form-error">
            {error}
          </p>
        )}
        <button className="button button-primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Set new password'}
        </button>
      </form>
      {error && (
        <p className="auth-switch">
          <Link href="/forgot-password">Request a new link</Link>
        </p>
      )}
    </section>
  );
}
