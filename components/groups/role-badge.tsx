import type { GroupRole } from '@/lib/groups/schemas';

/** The role in words (and an icon that is only decoration), never by colour alone. */
export function RoleBadge({ role }: { role: GroupRole }) {
  return (
    <span className={`groups-role groups-role-${role.toLowerCase()}`}>
      {role === 'FACILITATOR' && <span aria-hidden="true">★ </span>}
      {role === 'FACILITATOR' ? 'Facilitator' : 'Member'}
    </span>
  );
}
