import { AccountClient } from '@/components/account/account-client';
import { currentSessionId } from '@/lib/server/current-session';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const reader = await requireReader('/account');
  const sessionId = (await currentSessionId()) ?? '';
  return (
    <main id="main" className="page account-page">
      <h1>Your account</h1>
      <p className="muted">Signed in as {reader.email}.</p>
      <AccountClient name={reader.name} sessionId={sessionId} />
    </main>
  );
}
