import 'server-only';
import { randomBytes } from 'node:crypto';
import type { TagView } from '@/lib/annotations/types';
import {
  encodeInviteCode,
  INVALID_INVITE_MESSAGE,
  INVITE_CODE_BYTES,
  normalizeInviteCode,
} from '@/lib/groups/invite-code';
import type { CreateGroupInput, UpdateGroupInput } from '@/lib/groups/schemas';
import type { GroupDetail, GroupSummary, JoinedGroup } from '@/lib/groups/types';
import { db } from '../db';
import { readingsOf } from './readings';
import { AppError } from '../errors';
import type { Reader } from '../session';
import {
  groupNotFound,
  isUniqueViolation,
  requireFacilitator,
  requireMember,
  type GroupRole,
} from './group-access';
import { groupTagSelect, toTagView } from './group-tags';

export function newInviteCode(): string {
  return encodeInviteCode(randomBytes(INVITE_CODE_BYTES));
}

const invalidInvite = () => new AppError('NOT_FOUND', INVALID_INVITE_MESSAGE);

/** The reader's groups, oldest membership first, with their role and the member count. */
export async function listGroups(reader: Reader): Promise<GroupSummary[]> {
  const rows = await db.membership.findMany({
    where: { userId: reader.id },
    orderBy: { createdAt: 'asc' },
    select: {
      role: true,
      group: { select: { id: true, name: true, createdAt: true, _count: { select: { memberships: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.group.id,
    name: r.group.name,
    role: r.role,
    memberCount: r.group._count.memberships,
    createdAt: r.group.createdAt.toISOString(),
  }));
}

/** Creates a seminar; its creator is its first facilitator. */
export async function createGroup(reader: Reader, input: CreateGroupInput): Promise<GroupDetail> {
  const group = await db.group.create({
    data: {
      name: input.name,
      inviteCode: newInviteCode(),
      createdById: reader.id,
      memberships: { create: { userId: reader.id, role: 'FACILITATOR' } },
    },
    select: { id: true },
  });
  return getGroup(reader, group.id);
}

/** The group page lists the seminar's reading list, not the whole library. */
async function documentCounts(groupId: string) {
  return (await readingsOf([groupId])).get(groupId) ?? [];
}

/** Everything a member sees on the group page; the invite code only for facilitators. */
export async function getGroup(reader: Reader, groupId: string): Promise<GroupDetail> {
  const role = await requireMember(reader, groupId);
  const [group, members, documents, tags] = await Promise.all([
    db.group.findUnique({
      where: { id: groupId },
      select: { id: true, name: true, revealAfter: true, inviteCode: true, createdAt: true },
    }),
    db.membership.findMany({
      where: { groupId },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      select: { userId: true, role: true, createdAt: true, user: { select: { name: true } } },
    }),
    documentCounts(groupId),
    db.tag.findMany({
      where: { groupId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: groupTagSelect,
    }),
  ]);
  if (!group) throw groupNotFound();
  return {
    id: group.id,
    name: group.name,
    role,
    memberCount: members.length,
    createdAt: group.createdAt.toISOString(),
    revealAfter: group.revealAfter,
    ...(role === 'FACILITATOR' ? { inviteCode: group.inviteCode } : {}),
    members: members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
      you: m.userId === reader.id,
    })),
    documents,
    tags: tags.map(toTagView) satisfies TagView[],
  };
}

export async function updateGroup(
  reader: Reader,
  groupId: string,
  input: UpdateGroupInput,
): Promise<GroupDetail> {
  await requireFacilitator(reader, groupId, 'change the group’s settings');
  await db.group.update({
    where: { id: groupId },
    data: { name: input.name, revealAfter: input.revealAfter },
  });
  return getGroup(reader, groupId);
}

/** A new invite link; the old one stops working at once. */
export async function regenerateInvite(reader: Reader, groupId: string): Promise<{ inviteCode: string }> {
  await requireFacilitator(reader, groupId, 'make a new invite link');
  for (let attempt = 0; ; attempt++) {
    try {
      const inviteCode = newInviteCode();
      await db.group.update({ where: { id: groupId }, data: { inviteCode } });
      return { inviteCode };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

export async function revokeInvite(reader: Reader, groupId: string): Promise<void> {
  await requireFacilitator(reader, groupId, 'turn off the invite link');
  await db.group.update({ where: { id: groupId }, data: { inviteCode: null } });
}

export interface InvitePreview {
  group: { id: string; name: string; memberCount: number };
  /** the reader's role when they already belong to the group */
  role: GroupRole | null;
}

/** What the join page shows for a code: the group's name (nothing else before joining). */
export async function previewInvite(reader: Reader, code: string): Promise<InvitePreview> {
  const normalized = normalizeInviteCode(code);
  if (!normalized) throw invalidInvite();
  const group = await db.group.findUnique({
    where: { inviteCode: normalized },
    select: {
      id: true,
      name: true,
      _count: { select: { memberships: true } },
      memberships: { where: { userId: reader.id }, select: { role: true } },
    },
  });
  if (!group) throw invalidInvite();
  return {
    group: { id: group.id, name: group.name, memberCount: group._count.memberships },
    role: group.memberships[0]?.role ?? null,
  };
}

/** Joins by code. Joining twice changes nothing (and concurrent joins never collide:
 * the insert is ON CONFLICT DO NOTHING on the (group, user) key). */
export async function joinGroup(reader: Reader, code: string): Promise<JoinedGroup> {
  const normalized = normalizeInviteCode(code);
  if (!normalized) throw invalidInvite();
  const group = await db.group.findUnique({
    where: { inviteCode: normalized },
    select: { id: true, name: true },
  });
  if (!group) throw invalidInvite();
  const { count } = await db.membership.createMany({
    data: [{ groupId: group.id, userId: reader.id, role: 'MEMBER' }],
    skipDuplicates: true,
  });
  const role = count === 1 ? 'MEMBER' : await requireMember(reader, group.id);
  return { group: { id: group.id, name: group.name, role }, joined: count === 1 };
}
