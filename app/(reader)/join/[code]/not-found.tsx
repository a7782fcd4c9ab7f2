import Link from 'next/link';
import '@/components/groups/groups.css';
import { INVALID_INVITE_MESSAGE } from '@/lib/groups/invite-code';

export default function InvalidInvite() {
  return (
    <main id="main" className="page">
      <section className="groups-card groups-join" aria-labelledby="groups-invalid-title">
        <h1 id="groups-invalid-title">Invite link not valid</h1>
        <p>{INVALID_INVITE_MESSAGE}</p>
        <Link className="button" href="/groups">
          Go to your groups
        </Link>
      </section>
    </main>
  );
}
