'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { authClient } from '@/lib/client/auth-client';
import { NAME_MAX } from '@/lib/limits';

/** The display name shown on every note and reply (better-auth's /update-user). */
export function ProfileForm({ name }: { name: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!next) {
      setMessage({ ok: false, text: 'Enter your name.' });
      return;
    }
    setBusy(true);
    const result = await authClient.updateUser({ name: next });
    setBusy(false);
    if (result.error) {
      setMessage({
        ok: false,
        text: result.error.message || 'Your name could not be saved. Please try again.',
      });
      return;
    }
    setMessage({ ok: true, text: 'Your name was saved.' });
    router.refresh();
  }

  return (
    <section className="account-section" aria-labelledby="profile-title">
      <h2 id="profile-title">Your name</h2>
      <form onSubmit={submit} noValidate aria-describedby={message ? messageId : undefined}>
        <label className="field">
          <span>Display name</span>
          <input name="name" defaultValue={name} autoComplete="name" required maxLength={NAME_MAX} />
        </label>
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
          {busy ? 'Saving…' : 'Save name'}
        </button>
      </form>
    </section>
  );
}
