import { CreateGroupForm } from '@/components/groups/create-group-form';
import { GroupList } from '@/components/groups/group-list';
import { JoinCodeForm } from '@/components/groups/join-code-form';
import { listGroups } from '@/lib/server/dal/groups';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Groups' };

export default async function GroupsPage() {
  const reader = await requireReader('/groups');
  const groups = await listGroups(reader);
  return (
    <main id="main" className="page groups-page">
      <h1>Groups</h1>
      <p className="muted">
        Seminar groups read together: members share annotations and answer each other’s notes.
      </p>
      <GroupList groups={groups} />
      <div className="groups-columns">
        <CreateGroupForm />
        <JoinCodeForm />
      </div>
    </main>
  );
}
