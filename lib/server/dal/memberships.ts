import 'server-only';
import { db } from '../db';
import { sharedCache } from '../change-feed';
import type { GroupRole } from '@/lib/groups/schemas';
import type { Reader } from '../session';

export interface MembershipInfo {
  groupId: string;
  groupName: string;
  role: GroupRole;
  revealAfter: number;
}

// Read on nearly every request (every visibility decision starts here), so cached per
// process and dropped through the change feed whenever a membership of the reader, or any
// group's name or reveal rule, changes (lib/server/change-feed.ts, docs/adr/0011).
const memberships = sharedCache<readonly MembershipInfo[]>('memberships', 20_000, (entries, kind, key) => {
  if (kind === 'group' || ((kind === 'member' || kind === 'user') && key === null)) entries.clear();
  else if (kind === 'member' || kind === 'user') entries.delete(key!);
});

async function loadMemberships(userId: string): Promise<readonly MembershipInfo[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { groupId: true, role: true, group: { select: { name: true, revealAfter: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) =>
    Object.freeze({
      groupId: r.groupId,
      groupName: r.group.name,
      role: r.role,
      revealAfter: r.group.revealAfter,
    }),
  );
}

/** The groups a reader belongs to: the basis of every visibility decision. */
export async function readerMemberships(reader: Pick<Reader, 'id'>): Promise<MembershipInfo[]> {
  return [...(await memberships.get(reader.id, () => loadMemberships(reader.id)))];
}
