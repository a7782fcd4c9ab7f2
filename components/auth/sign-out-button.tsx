'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setFailed(false);
          try {
            // The auth client (better-auth's, ~33 KB) is loaded on the click, not with every
            // signed-in page's first load (docs/adr/0027-first-load-main-thread.md).
            const { authClient } = await import('@/lib/client/auth-client');
            await authClient.signOut();
          } catch {
            // the auth client's chunk or the request did not arrive (offline): still signed in
            setBusy(false);
            setFailed(true);
            return;
          }
          router.replace('/sign-in');
          router.refresh();
        }}
      >
        Sign out
      </button>
      {failed && (
        <span role="alert" className="form-error">
          Could not sign out. Check your connection and try again.
        </span>
      )}
    </>
  );
}
