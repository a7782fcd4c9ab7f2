import 'server-only';
import { db } from '../db';
import type { GroupRole } from '@/lib/groups/schemas';
import type { Reader } from '../session';

export interface MembershipInfo {
  groupId: string;
  groupName: string;
  role: GroupRole;
  revealAfter: number;
}

/** The groups a reader belongs to: the basis of every visibility decision. */
export async function readerMemberships(reader: Reader): Promise<MembershipInfo[]> {
  const rows = await db.membership.findMany({
    where: { userId: reader.id },
    select: { groupId: true, role: true, group: { select: { name: true, revealAfter: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({
    groupId: r.groupId,
    groupName: r.group.name,
    role: r.role,
    revealAfter: r.group.revealAfter,
  }));
}
