import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import { forbidden, notFound } from '../errors';
import type { Reader } from '../session';

// Who may do what in a group. A reader who is not a member gets 404 for everything
// about the group (its existence is not theirs to know); a member who tries a
// facilitator's action gets 403.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

import type { GroupRole } from '@/lib/groups/schemas';
export type { GroupRole } from '@/lib/groups/schemas';
type Client = Prisma.TransactionClient | typeof db;

export const isUuid = (value: string) => UUID.test(value);

export const groupNotFound = () => notFound('The group');

/** The reader's role in the group, or 404 when they are not a member (or the id is junk). */
export async function requireMember(
  reader: Reader,
  groupId: string,
  client: Client = db,
): Promise<GroupRole> {
  if (!isUuid(groupId)) throw groupNotFound();
  const membership = await client.membership.findUnique({
    where: { groupId_userId: { groupId, userId: reader.id } },
    select: { role: true },
  });
  if (!membership) throw groupNotFound();
  return membership.role;
}

/** 404 for non-members, 403 for members who are not facilitators. */
export async function requireFacilitator(
  reader: Reader,
  groupId: string,
  action: string,
  client: Client = db,
): Promise<void> {
  const role = await requireMember(reader, groupId, client);
  if (role !== 'FACILITATOR') throw forbidden(`Only a facilitator can ${action}.`);
}

/** Serialises changes to a group's memberships (so two facilitators demoting each other
 * at once cannot leave the group without one). Call inside a transaction. */
export async function lockGroup(tx: Prisma.TransactionClient, groupId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "groups" WHERE "id" = ${groupId}::uuid FOR UPDATE`;
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}
