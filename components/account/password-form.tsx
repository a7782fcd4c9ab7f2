'use client';
import { useId, useState, type FormEvent } from 'react';
import { authClient } from '@/lib/client/auth-client';
import { PASSWORD_MIN } from '@/lib/limits';
import { PasswordField } from '@/components/auth/password-field';

/** Change the password; every other device is signed out (this one stays signed in). */
export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('current') ?? '');
    const newPassword = String(form.get('password') ?? '');
    if (newPassword.length < PASSWORD_MIN) {
      setMessage({
        ok: false,
        text: `The new password is too short: use at least ${PASSWORD_MIN} characters.`,
      });
      return;
    }
    setBusy(true);
    const result = await authClient.changePassword({
      currentPassword,
      newPassword,
      revokeOtherSessions: true,
    });
    setBusy(false);
    if (result.error) {
      setMessage({
        ok: false,
        text:
          result.error.code === 'INVALID_PASSWORD'
            ? 'The current password is not right.'
            : result.error.message || 'The password could not be changed. Please try again.',
      });
      return;
    }
    formElement.reset();
    setMessage({ ok: true, text: 'Your password was changed. Your other devices are signed out.' });
    onChanged?.();
  }

  return (
    <section className="account-section" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form onSubmit={submit} noValidate aria-describedby={message ? messageId : undefined}>
        <PasswordField label="Current password" name="current" kind="current" />
        <PasswordField label="New password" name="password" kind="new" />
        {message && (
          <p
            id={messageId}
            role={message.ok ? 'status' : 'alert'}
            className={message.ok ? 'notice' : 'form-error'}
          >
            {message.text}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
