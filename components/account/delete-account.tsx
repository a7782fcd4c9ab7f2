'use client';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { describeLoss } from '@/lib/account/describe-loss';
import { FORMER_MEMBER_NAME, type DeleteMode } from '@/lib/account/schemas';
import { messageFor } from '@/lib/client/api';
import { accountApi } from '@/lib/client/endpoints';

export function DeleteAccount() {
  const router = useRouter();
  const holdings = useQuery({ queryKey: ['account', 'holdings'], queryFn: () => accountApi.holdings() });
  const [mode, setMode] = useState<DeleteMode>('anonymise');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lossId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await accountApi.remove(mode);
      router.replace('/sign-up?deleted=1');
      router.refresh();
    } catch (failure) {
      setBusy(false);
      setError(messageFor(failure));
    }
  }

  return (
    <section className="account-section" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend>What happens to your notes</legend>
          <label>
            <input
              type="radio"
              name="mode"
              value="anonymise"
              checked={mode === 'anonymise'}
              onChange={() => (setMode('anonymise'), setConfirming(false))}
            />{' '}
            Delete my private notes; keep my shared notes and replies as “{FORMER_MEMBER_NAME}”
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              value="everything"
              checked={mode === 'everything'}
              onChange={() => (setMode('everything'), setConfirming(false))}
            />{' '}
            Delete everything I wrote
          </label>
        </fieldset>
        {confirming && holdings.data && (
          <p id={lossId} role="alert" className="form-error">
            {describeLoss(holdings.data.holdings, mode)}
          </p>
        )}
        {confirming && holdings.isError && (
          <p role="alert" className="form-error">
            {messageFor(holdings.error)}
          </p>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="account-actions">
          <button
            className="button button-danger"
            type="submit"
            disabled={busy || (confirming && !holdings.data)}
            aria-describedby={confirming ? lossId : undefined}
          >
            {confirming ? (busy ? 'Deleting…' : 'Yes, delete my account') : 'Delete my account…'}
          </button>
          {confirming && (
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
