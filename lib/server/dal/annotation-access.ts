import 'server-only';
import type postgres from 'postgres';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import { invalid } from '../errors';
import type { Reader } from '../session';
import { readerMemberships, type MembershipInfo } from './memberships';

// The one place that decides what of an annotation a reader sees (docs/design.md, "Visibility
// and authorization"). Views, replies, search, exports, the live stream and imports all
// ask these functions; none of them works a rule out for itself:
//
// 1. who sees an annotation at all: its author, and the members of its group (`canSee`,
//    `annotationScope().where`);
// 2. "reveal after you annotate": a member sees others' annotations in a group only after
//    posting `revealAfter` of their own on the document (`heldBackPairs`);
// 3. a note (or reply) hidden by a facilitator keeps its place but its text is withheld
//    from everyone but its author and the group's facilitators (`withholdsText`, and
//    `readableNoteWhere` for search, which must not match what it withholds);
// 4. sharing with a group needs membership (`groupToShareWith`);
// and the live fan-out applies 1 and 3 to each change notice (`hearsChange`).

type Role = MembershipInfo['role'];

/** Who a reader is in their groups: enough to decide what of a visible annotation they read. */
export interface Standing {
  reader: Pick<Reader, 'id'>;
  memberships: readonly Pick<MembershipInfo, 'groupId' | 'role'>[];
}

/** Which annotations a reader sees on one document (rule 1, after rule 2). */
export interface Sight {
  reader: Pick<Reader, 'id'>;
  /** groups whose annotations by others the reader sees on this document */
  visibleGroupIds: readonly string[];
}

export interface AnnotationScope extends Standing, Sight {
  reader: Reader;
  memberships: MembershipInfo[];
  visibleGroupIds: string[];
  /** groups that hold others' annotations back until the reader has posted enough */
  gatedGroups: { groupId: string; needed: number; posted: number }[];
  /** rule 1 as a query: the annotations of the document this reader sees */
  where: Prisma.AnnotationWhereInput & { documentId: string };
}

/** A membership as the reveal rule needs it, for one reader or many. */
export interface RevealMembership {
  userId: string;
  groupId: string;
  role: Role;
  revealAfter: number;
}

const pairKey = (userId: string, groupId: string) => `${userId}:${groupId}`;

/**
 * Rule 2: which (reader, group) pairs are still held back on a document, with how many
 * annotations each reader has posted there. Facilitators are never held back. One query
 * whatever the number of readers (the live stream asks for all its subscribers at once).
 */
export async function heldBackPairs(
  documentId: string,
  memberships: readonly RevealMembership[],
): Promise<Map<string, { needed: number; posted: number }>> {
  const gated = memberships.filter((m) => m.role === 'MEMBER' && m.revealAfter > 0);
  const held = new Map<string, { needed: number; posted: number }>();
  if (gated.length === 0) return held;
  const counts = await db.annotation.groupBy({
    by: ['authorId', 'groupId'],
    where: {
      documentId,
      deletedAt: null,
      authorId: { in: [...new Set(gated.map((m) => m.userId))] },
      groupId: { in: [...new Set(gated.map((m) => m.groupId))] },
    },
    _count: { _all: true },
  });
  const posted = new Map(counts.map((c) => [pairKey(c.authorId, c.groupId ?? ''), c._count._all]));
  for (const m of gated) {
    const count = posted.get(pairKey(m.userId, m.groupId)) ?? 0;
    if (count < m.revealAfter)
      held.set(pairKey(m.userId, m.groupId), { needed: m.revealAfter, posted: count });
  }
  return held;
}

/** Rules 1 and 2 for many readers at once: each reader's groups whose annotations by others
 * they see on the document. */
export async function visibleGroupsByReader(
  documentId: string,
  memberships: readonly RevealMembership[],
): Promise<Map<string, Set<string>>> {
  const held = await heldBackPairs(documentId, memberships);
  const visible = new Map<string, Set<string>>();
  for (const m of memberships) {
    if (held.has(pairKey(m.userId, m.groupId))) continue;
    if (!visible.has(m.userId)) visible.set(m.userId, new Set());
    visible.get(m.userId)!.add(m.groupId);
  }
  return visible;
}

export async function annotationScope(
  reader: Reader,
  documentId: string,
  memberships?: MembershipInfo[],
): Promise<AnnotationScope> {
  const groups = memberships ?? (await readerMemberships(reader));
  const held = await heldBackPairs(
    documentId,
    groups.map((m) => ({ ...m, userId: reader.id })),
  );
  const gatedGroups = groups.flatMap((m) => {
    const progress = held.get(pairKey(reader.id, m.groupId));
    return progress ? [{ groupId: m.groupId, ...progress }] : [];
  });
  const visibleGroupIds = groups.map((m) => m.groupId).filter((id) => !held.has(pairKey(reader.id, id)));
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

export function roleIn(standing: Pick<Standing, 'memberships'>, groupId: string | null): Role | null {
  if (!groupId) return null;
  return standing.memberships.find((m) => m.groupId === groupId)?.role ?? null;
}

/** Rule 1 for one annotation, given its author and group. */
export function canSee(sight: Sight, row: { authorId: string; groupId: string | null }): boolean {
  return (
    row.authorId === sight.reader.id || (row.groupId !== null && sight.visibleGroupIds.includes(row.groupId))
  );
}

/** Rule 3 for one note or reply (`groupId` is its annotation's group): hidden, and the
 * reader neither wrote it nor facilitates the group. */
export function withholdsText(
  standing: Standing,
  item: { authorId: string; groupId: string | null; hidden: boolean },
): boolean {
  return (
    item.hidden && item.authorId !== standing.reader.id && roleIn(standing, item.groupId) !== 'FACILITATOR'
  );
}

/** Rule 3 as a query: the annotations whose note this reader may read (so may be found by it). */
export function readableNoteWhere(standing: Standing): Prisma.AnnotationWhereInput {
  const facilitated = standing.memberships.filter((m) => m.role === 'FACILITATOR').map((m) => m.groupId);
  return {
    OR: [
      { hiddenAt: null },
      { authorId: standing.reader.id },
      ...(facilitated.length > 0 ? [{ groupId: { in: facilitated } }] : []),
    ],
  };
}

/** Rule 4: the group to share with, if the reader belongs to it; no group is private. */
export function groupToShareWith(
  memberships: readonly Pick<MembershipInfo, 'groupId'>[],
  groupId: string | null | undefined,
): string | null {
  if (!groupId) return null;
  if (!memberships.some((m) => m.groupId === groupId)) throw notAMember();
  return groupId;
}

/** The refusal to share with a group the reader does not belong to. */
export function notAMember() {
  return invalid('You can only share with a group you belong to.', {
    groupId: 'You are not a member of this group.',
  });
}

/** A change to an annotation or reply as the database announces it (see the triggers). */
export interface ChangeNotice {
  kind: 'annotation' | 'reply';
  op: 'insert' | 'update' | 'delete';
  id: string;
  annotationId?: string;
  documentId: string;
  /** the annotation's group and author (for a reply: its annotation's) */
  groupId: string | null;
  authorId: string;
  /** set when an annotation left a group (made private or moved) */
  previousGroupId?: string | null;
  /** the reply's own author */
  replyAuthorId?: string;
  /** the changed row's hidden and deleted state after and before the change */
  hidden?: boolean;
  wasHidden?: boolean;
  deleted?: boolean;
}

/** Rules 1 and 3 for the live stream: whether a reader is told of a change. They hear of
 * what they see, and of what leaves their sight (so their page drops it); but not of an
 * edit to a text hidden from them before and after it, which would tell them only that
 * the hidden text changed. Hiding, showing, deleting and moving are still announced. */
export function hearsChange(viewer: Standing & Sight, notice: ChangeNotice): boolean {
  const sees =
    canSee(viewer, notice) ||
    (!!notice.previousGroupId &&
      canSee(viewer, { authorId: notice.authorId, groupId: notice.previousGroupId }));
  if (!sees) return false;
  const editWhileHidden =
    notice.op === 'update' &&
    notice.hidden === true &&
    notice.wasHidden === true &&
    notice.deleted === false &&
    notice.previousGroupId === undefined;
  const author = notice.kind === 'reply' ? notice.replyAuthorId : notice.authorId;
  return !(
    editWhileHidden &&
    author !== undefined &&
    withholdsText(viewer, { authorId: author, groupId: notice.groupId, hidden: true })
  );
}

/**
 * Rule 1 (after rule 2) as SQL over `"annotations" AS a`, for readers that stream through
 * postgres.js (exports). The same condition as `scope.where`, spelled for SQL.
 */
export function scopeSql(sql: postgres.Sql, scope: Sight & { where: { documentId: string } }) {
  return sql`a."documentId" = ${scope.where.documentId}::uuid AND a."deletedAt" IS NULL
    AND ${authorOrGroupSql(sql, scope)}`;
}

/** Rule 1 alone, on rows aliased `a`: the reader's own annotations and those of the groups
 * they see (deleted rows included, for callers that must notice deletions). */
export function authorOrGroupSql(sql: postgres.Sql, scope: Sight) {
  const groups = [...scope.visibleGroupIds];
  return sql`(a."authorId" = ${scope.reader.id}${
    groups.length > 0 ? sql` OR a."groupId" = ANY(${groups}::uuid[])` : sql``
  })`;
}

/** Rule 3 as SQL over `"annotations" AS a`, for views built in PostgreSQL (the list): true
 * where the note is withheld from this reader. The same condition as `withholdsText`. */
export function withholdsTextSql(sql: postgres.Sql, standing: Standing) {
  const facilitated = standing.memberships.filter((m) => m.role === 'FACILITATOR').map((m) => m.groupId);
  return sql`(a."hiddenAt" IS NOT NULL AND a."authorId" <> ${standing.reader.id}
    AND NOT COALESCE(a."groupId" = ANY(${facilitated}::uuid[]), false))`;
}
