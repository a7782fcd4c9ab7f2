import 'server-only';
import type { GroupRole } from '@/lib/groups/schemas';
import type { GroupMemberView } from '@/lib/groups/types';
import { db } from '../db';
import { AppError, forbidden, notFound } from '../errors';
import type { Reader } from '../session';
import { groupNotFound, isUuid, lockGroup, requireMember } from './group-access';

// Leaving, removing and promoting. A group always keeps at least one facilitator.
// Every check (the actor's own role included) runs under a lock on the group row,
// so two facilitators demoting each other at once cannot both succeed: the second
// finds they are no longer a facilitator.

const memberNotFound = () => notFound('That member');

async function facilitatorCount(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], groupId: string) {
  return tx.membership.count({ where: { groupId, role: 'FACILITATOR' } });
}

/** Leave (own id) or, for a facilitator, remove someone else. Takes effect at once:
 * visibility is decided from memberships on every request. */
export async function removeMember(reader: Reader, groupId: string, userId: string): Promise<void> {
  const leaving = userId === reader.id;
  if (!isUuid(groupId)) throw groupNotFound();
  await db.$transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const role = await requireMember(reader, groupId, tx);
    if (!leaving && role !== 'FACILITATOR') throw forbidden('Only a facilitator can remove members.');
    const target = await tx.membership.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: { id: true, role: true },
    });
    if (!target) throw memberNotFound();
    if (target.role === 'FACILITATOR' && (await facilitatorCount(tx, groupId)) <= 1) {
      throw new AppError(
        'CONFLICT',
        'You are the only facilitator of this group. Make another member a facilitator before you leave.',
      );
    }
    await tx.membership.delete({ where: { id: target.id } });
  });
}

export async function changeMemberRole(
  reader: Reader,
  groupId: string,
  userId: string,
  role: GroupRole,
): Promise<GroupMemberView> {
  if (!isUuid(groupId)) throw groupNotFound();
  return db.$transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const own = await requireMember(reader, groupId, tx);
    if (own !== 'FACILITATOR') throw forbidden('Only a facilitator can change members’ roles.');
    const target = await tx.membership.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: { id: true, role: true },
    });
    if (!target) throw memberNotFound();
    if (target.role === 'FACILITATOR' && role === 'MEMBER' && (await facilitatorCount(tx, groupId)) <= 1) {
      throw new AppError(
        'CONFLICT',
        'A group needs at least one facilitator. Make another member a facilitator first.',
      );
    }
    const row = await tx.membership.update({
      where: { id: target.id },
      data: { role },
      select: { userId: true, role: true, createdAt: true, user: { select: { name: true } } },
    });
    return {
      userId: row.userId,
      name: row.user.name,
      role: row.role,
      joinedAt: row.createdAt.toISOString(),
      you: row.userId === reader.id,
    };
  });
}
