'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { groupsApi } from '@/lib/client/endpoints';
import { useAction } from './use-action';
import './groups.css';

export function JoinCard({
  code,
  group,
  role,
}: {
  code: string;
  group: { id: string; name: string; memberCount: number };
  role: string | null;
}) {
  const router = useRouter();
  const { busy, error, run } = useAction();

  async function join() {
    const joined = await run(() => groupsApi.join(code), { refresh: false });
    if (joined) router.push(`/groups/${joined.group.id}`);
  }

  return (
    <section className="groups-card groups-join" aria-labelledby="groups-join-title">
      <p className="muted">You are invited to join</p>
      <h1 id="groups-join-title">{group.name}</h1>
      <p className="muted">
        {group.memberCount} {group.memberCount === 1 ? 'member' : 'members'} so far
      </p>
      {role ? (
        <>
          <p>You are already in this group.</p>
          <Link className="button button-primary" href={`/groups/${group.id}`}>
            Open the group
          </Link>
        </>
      ) : (
        <>
          <p>
            Members share annotations on the articles they read together. Your private annotations stay
            private.
          </p>
          <button type="button" className="button button-primary" disabled={busy} onClick={join}>
            {busy ? 'Joining…' : 'Join group'}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
