import Link from 'next/link';
import type { GroupSummary } from '@/lib/groups/types';
import { RoleBadge } from './role-badge';
import './groups.css';

export function GroupList({ groups }: { groups: GroupSummary[] }) {
  if (groups.length === 0) {
    return (
      <p className="empty">
        You are not in any group yet. Start one below, or join with the link your facilitator sent you.
      </p>
    );
  }
  return (
    <ul className="groups-list" aria-label="Your groups">
      {groups.map((group) => (
        <li key={group.id} className="groups-card groups-list-item">
          <Link href={`/groups/${group.id}`} className="groups-list-link">
            {group.name}
          </Link>
          <p className="muted">
            <RoleBadge role={group.role} /> · {group.memberCount}{' '}
            {group.memberCount === 1 ? 'member' : 'members'}
          </p>
        </li>
      ))}
    </ul>
  );
}
