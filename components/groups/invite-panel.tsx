'use client';
import { useRef, useState } from 'react';
import { invitePath } from '@/lib/groups/invite-code';
import { ConfirmButton } from './confirm-button';
import { groupsApi } from '@/lib/client/endpoints';
import { useAction } from './use-action';

/** The facilitator's invite link: copy it, turn it off, or replace it. */
export function InvitePanel({
  groupId,
  inviteCode,
  origin,
}: {
  groupId: string;
  inviteCode: string | null;
  origin: string;
}) {
  const { busy, error, run } = useAction();
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const link = inviteCode ? `${origin}${invitePath(inviteCode)}` : null;

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied. Send it to your seminar.');
    } catch {
      input.current?.select();
      setStatus(
        'Copying was blocked by the browser: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
      );
    }
  }

  async function regenerate() {
    const done = await run(() => groupsApi.newInvite(groupId));
    if (done) setStatus('New link made. The old link no longer works.');
  }

  async function revoke() {
    const done = await run(() => groupsApi.revokeInvite(groupId).then(() => true));
    if (done) setStatus('The invite link is turned off.');
  }

  return (
    <div className="groups-invite">
      {link ? (
        <>
          <label className="field">
            <span>Invite link</span>
            <input
              ref={input}
              readOnly
              value={link}
              className="groups-invite-link"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p className="muted">
            Anyone with this link can join after signing in. Make a new link if it reached the wrong people.
          </p>
          <div className="groups-buttons">
            <button type="button" className="button button-primary" onClick={copy}>
              Copy link
            </button>
            <ConfirmButton
              question="Replace the link? The current one will stop working."
              confirmLabel="Make new link"
              disabled={busy}
              onConfirm={regenerate}
            >
              New link
            </ConfirmButton>
            <ConfirmButton
              question="Turn the link off? Nobody can join until you make a new one."
              confirmLabel="Turn off"
              disabled={busy}
              onConfirm={revoke}
            >
              Revoke link
            </ConfirmButton>
          </div>
        </>
      ) : (
        <>
          <p>The invite link is turned off: nobody can join this group until you make a new link.</p>
          <button type="button" className="button button-primary" disabled={busy} onClick={regenerate}>
            Make a new invite link
          </button>
        </>
      )}
      <p className="groups-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
