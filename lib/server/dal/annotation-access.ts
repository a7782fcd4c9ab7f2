import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import type { Reader } from '../session';
import { readerMemberships, type MembershipInfo } from './memberships';

// The one place that decides which annotations a reader can see (docs/design.md,
// "Visibility and authorization"). Pages, the API, the live stream, search and
// exports all go through `annotationScope`.

export interface AnnotationScope {
  reader: Reader;
  memberships: MembershipInfo[];
  /** groups whose annotations by others the reader sees on this document */
  visibleGroupIds: string[];
  /** groups that hold others' annotations back until the reader has posted enough */
  gatedGroups: { groupId: string; needed: number; posted: number }[];
  where: Prisma.AnnotationWhereInput;
}

/** "Reveal after you annotate": a member sees others' annotations in a group only
 * after posting `revealAfter` of their own on the document (facilitators see all). */
async function gatedGroupsFor(reader: Reader, memberships: MembershipInfo[], documentId: string) {
  const gated = memberships.filter((m) => m.role === 'MEMBER' && m.revealAfter > 0);
  if (gated.length === 0) return [];
  const counts = await db.annotation.groupBy({
    by: ['groupId'],
    where: { documentId, authorId: reader.id, deletedAt: null, groupId: { in: gated.map((m) => m.groupId) } },
    _count: { _all: true },
  });
  const posted = new Map(counts.map((c) => [c.groupId, c._count._all]));
  return gated
    .map((m) => ({ groupId: m.groupId, needed: m.revealAfter, posted: posted.get(m.groupId) ?? 0 }))
    .filter((g) => g.posted < g.needed);
}

export async function annotationScope(
  reader: Reader,
  documentId: string,
  memberships?: MembershipInfo[],
): Promise<AnnotationScope> {
  const groups = memberships ?? (await readerMemberships(reader));
  const gatedGroups = await gatedGroupsFor(reader, groups, documentId);
  const gated = new Set(gatedGroups.map((g) => g.groupId));
  const visibleGroupIds = groups.map((m) => m.groupId).filter((id) => !gated.has(id));
  return {
    reader,
    memberships: groups,
    visibleGroupIds,
    gatedGroups,
    where: {
      documentId,
      deletedAt: null,
      OR: [
        { authorId: reader.id },
        ...(visibleGroupIds.length > 0 ? [{ groupId: { in: visibleGroupIds } }] : []),
      ],
    },
  };
}

export function roleIn(
  scope: Pick<AnnotationScope, 'memberships'>,
  groupId: string | null,
): MembershipInfo['role'] | null {
  if (!groupId) return null;
  return scope.memberships.find((m) => m.groupId === groupId)?.role ?? null;
}

/** Whether the reader may see one annotation, given its author and group. */
export function canSee(scope: AnnotationScope, row: { authorId: string; groupId: string | null }): boolean {
  return (
    row.authorId === scope.reader.id || (row.groupId !== null && scope.visibleGroupIds.includes(row.groupId))
  );
}
