'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { authClient } from '@/lib/client/auth-client';

const MIN_PASSWORD = 8;

/** Only same-site paths are followed after signing in. */
export function safeReturnPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/library';
  return next;
}

function explain(
  code: string | undefined,
  fallback: string | undefined,
  mode: 'sign-in' | 'sign-up',
): string {
  switch (code) {
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return 'An account with this email already exists. Sign in instead, or use another email.';
    case 'PASSWORD_TOO_SHORT':
      return `The password is too short: use at least ${MIN_PASSWORD} characters.`;
    case 'INVALID_EMAIL_OR_PASSWORD':
      return 'That email and password do not match an account. Check them and try again.';
    case 'INVALID_EMAIL':
      return 'That does not look like an email address.';
    // The server's sentence names the wait ("Try again in 2 minutes."): shown as it is.
    case 'TOO_MANY_FAILED_SIGN_INS':
    case 'TOO_MANY_REQUESTS':
      return fallback || 'Too many attempts. Wait a minute and try again.';
    default:
      return (
        fallback ||
        (mode === 'sign-in' ? 'Signing in failed. Please try again.' : 'Signing up failed. Please try again.')
      );
  }
}

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const search = useSearchParams();
  const next = safeReturnPath(search.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const isSignUp = mode === 'sign-up';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '').trim();
    if (isSignUp && password.length < MIN_PASSWORD) {
      setError(explain('PASSWORD_TOO_SHORT', undefined, mode));
      return;
    }
    setBusy(true);
    setError(null);
    const result = isSignUp
      ? await authClient.signUp.email({ email, password, name: name || email.split('@')[0] })
      : await authClient.signIn.email({ email, password });
    if (result.error) {
      setBusy(false);
      setError(explain(result.error.code, result.error.message, mode));
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{isSignUp ? 'Create your account' : 'Sign in to Marginalia'}</h1>
      <p className="muted">
        {isSignUp ? 'Read closely, together. It takes ten seconds.' : 'Welcome back to your seminar.'}
      </p>
      {isSignUp && search.get('deleted') === '1' && <p role="status">Your account was deleted.</p>}
      {!isSignUp && search.get('reset') === 'done' && (
        <p role="status">Your password was changed. Sign in with the new one.</p>
      )}
      <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        {isSignUp && (
          <label className="field">
            <span>Name</span>
            <input name="name" autoComplete="name" required maxLength={80} />
          </label>
        )}
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete={isSignUp ? 'new-password' : 'current-password'}
            required
            minLength={isSignUp ? MIN_PASSWORD : undefined}
            aria-describedby={isSignUp ? `${errorId}-hint` : undefined}
          />
          {isSignUp && (
            <small id={`${errorId}-hint`} className="muted">
              At least {MIN_PASSWORD} characters.
            </small>
          )}
        </label>
        {!isSignUp && (
          <p className="muted">
            <Link href="/forgot-password">Forgot password?</Link>
          </p>
        )}
        {error && (
          <p id={errorId} role="alert" className="form-error">
            {error}
          </p>
        )}
        <button className="button button-primary" type="submit" disabled={busy}>
          {busy ? (isSignUp ? 'Creating account…' : 'Signing in…') : isSignUp ? 'Sign up' : 'Sign in'}
        </button>
      </form>
      <p className="auth-switch">
        {isSignUp ? 'Already have an account? ' : 'New to Marginalia? '}
        <Link
          href={`${isSignUp ? '/sign-in' : '/sign-up'}${search.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}
        >
          {isSignUp ? 'Sign in' : 'Create an account'}
        </Link>
      </p>
    </section>
  );
}
