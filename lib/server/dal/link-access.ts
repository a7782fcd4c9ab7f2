import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  canSee,
  readableNoteWhere,
  withholdsText,
  type AnnotationScope,
  type Sight,
  type Standing,
} from './annotation-access';

// Who sees an argument link (docs/adr/0014-argument-links.md). A link is visible only to a
// reader who sees
//   1. the link's own audience: its author, or the members of its group (as for an
//      annotation: `canSee` of annotation-access.ts, "reveal after you annotate" included);
//   2. both ends, by the annotation rules themselves (rule 1 of annotation-access.ts);
//   3. both ends' notes: an end hidden by a facilitator hides its links from those its note
//      is withheld from (rule 3), so a link cannot say what a hidden note argued;
// and neither end is deleted. Lists, exports, the argument and disagreement views and the
// live stream all ask these functions.

/** One end of a link as the rules need it. */
export interface LinkEnd {
  authorId: string;
  groupId: string | null;
  hidden: boolean;
  deleted?: boolean;
}

/** Rules 1 to 3 for one link. */
export function canSeeLink(
  viewer: Standing & Sight,
  link: { authorId: string; groupId: string | null },
  ends: readonly LinkEnd[],
): boolean {
  return (
    canSee(viewer, link) &&
    ends.every(
      (end) =>
        !end.deleted &&
        canSee(viewer, end) &&
        !withholdsText(viewer, { authorId: end.authorId, groupId: end.groupId, hidden: end.hidden }),
    )
  );
}

/** Rules 1 to 3 as a query: the links of the scope's document this reader sees. */
export function linkScopeWhere(scope: AnnotationScope): Prisma.AnnotationLinkWhereInput {
  const end: Prisma.AnnotationWhereInput = { AND: [scope.where, readableNoteWhere(scope)] };
  return {
    documentId: scope.where.documentId,
    OR: [
      { authorId: scope.reader.id },
      ...(scope.visibleGroupIds.length > 0 ? [{ groupId: { in: scope.visibleGroupIds } }] : []),
    ],
    from: end,
    to: end,
  };
}

/** A change to a link as the database announces it (migration 20261201110000). */
export interface LinkNotice {
  kind: 'link';
  op: 'insert' | 'update' | 'delete';
  id: string;
  documentId: string;
  groupId: string | null;
  authorId: string;
  previousGroupId?: string | null;
  ends: LinkEnd[];
}

/** The live stream: a reader hears of a link they see, or saw before it left a group. */
export function hearsLinkChange(viewer: Standing & Sight, notice: LinkNotice): boolean {
  if (canSeeLink(viewer, notice, notice.ends)) return true;
  return (
    !!notice.previousGroupId &&
    canSeeLink(viewer, { authorId: notice.authorId, groupId: notice.previousGroupId }, notice.ends)
  );
}
