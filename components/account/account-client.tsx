'use client';
import { useQueryClient } from '@tanstack/react-query';
import { QueryProvider } from '@/components/query-provider';
import { accountApi } from '@/lib/client/endpoints';
import { ApiTokens } from './api-tokens';
import { DeleteAccount } from './delete-account';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { SESSIONS_KEY, SessionsList } from './sessions-list';

interface Props {
  name: string;
  sessionId: string;
}

export function AccountClient(props: Props) {
  return (
    <QueryProvider>
      <AccountSections {...props} />
    </QueryProvider>
  );
}

function AccountSections({ name, sessionId }: Props) {
  const queryClient = useQueryClient();
  return (
    <>
      <ProfileForm name={name} />
      <PasswordForm onChanged={() => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY })} />
      <SessionsList currentSessionId={sessionId} />
      <ApiTokens />
      <section className="account-section" aria-labelledby="download-title">
        <h2 id="download-title">Your annotations</h2>
        <p className="muted">
          Every note you wrote, on every article, with its replies, as W3C Web Annotations (JSON-LD).
        </p>
        <a className="button" href={accountApi.annotationsFile} download>
          Download all my annotations
        </a>
      </section>
      <DeleteAccount />
    </>
  );
}
