'use client';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { authClient } from '@/lib/client/auth-client';
import { EMAIL_MAX } from '@/lib/limits';

/** "Forgot password?": asks better-auth for a reset link; the answer is the same whether or
 * not the address has an account, so the page cannot be used to find out. */
export function ForgotPasswordForm({ mailConfigured }: { mailConfigured: boolean }) {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!email) {
      setError('Enter the email address of your account.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setBusy(false);
    if (result.error) {
      setError(
        result.error.code === 'INVALID_EMAIL'
          ? 'That does not look like an email address.'
          : result.error.message || 'The reset link could not be requested. Please try again.',
      );
      return;
    }
    setSent(true);
  }

  return (
    <section className="auth-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {sent ? (
        <p role="status">
          {mailConfigured
            ? 'If an account uses that address, a link to choose a new password is on its way. It works once, for an hour.'
            : 'This installation sends no mail: the reset link was written to the server log. Ask your administrator for it; it works once, for an hour.'}
        </p>
      ) : (
        <>
          <p className="muted">
            {mailConfigured
              ? 'Enter your email address and we will send you a link to choose a new password.'
              : 'Enter your email address. This installation sends no mail, so the link will be written to the server log, where your administrator can find it.'}
          </p>
          <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
            <label className="field">
              <span>Email</span>
              <input name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} />
            </label>
            {error && (
              <p id={errorId} role="alert" className="form-error">
                {error}
              </p>
            )}
            <button className="button button-primary" type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Send reset link'}
            </button>
          </form>
        </>
      )}
      <p className="auth-switch">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
