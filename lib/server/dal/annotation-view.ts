import 'server-only';
import type { AnnotationView } from '@/lib/annotations/types';
import type { NoteDoc } from '@/lib/notes';
import type { Prisma } from '@/lib/generated/prisma/client';
import { roleIn, withholdsText, type Standing } from './annotation-access';

export const annotationSelect = {
  id: true,
  documentId: true,
  authorId: true,
  groupId: true,
  visibility: true,
  noteJson: true,
  noteText: true,
  startBlock: true,
  startOffset: true,
  endBlock: true,
  endOffset: true,
  exact: true,
  prefix: true,
  suffix: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  rev: true,
  hiddenAt: true,
  version: { select: { number: true } },
  author: { select: { id: true, name: true } },
  group: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { slug: true, position: true } } } },
  _count: { select: { replies: { where: { deletedAt: null } } } },
} as const satisfies Prisma.AnnotationSelect;

/** An annotation as read for a view: `annotationSelect`'s columns. */
export type AnnotationViewRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

/** Maps a row to what this reader may see of it: a note hidden by a facilitator is
 * withheld from other members (its author and the facilitators still see it). */
export function toAnnotationView(row: AnnotationViewRow, scope: Standing): AnnotationView {
  const mine = row.authorId === scope.reader.id;
  const role = roleIn(scope, row.groupId);
  const facilitator = role === 'FACILITATOR';
  const hidden = row.hiddenAt !== null;
  const withhold = withholdsText(scope, { authorId: row.authorId, groupId: row.groupId, hidden });
  return {
    id: row.id,
    documentId: row.documentId,
    documentVersion: row.version.number,
    target: {
      start: { block: row.startBlock, offset: row.startOffset },
      end: { block: row.endBlock, offset: row.endOffset },
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
    },
    tags: [...row.tags].sort((a, b) => a.tag.position - b.tag.position).map((t) => t.tag.slug),
    note: withhold ? null : ((row.noteJson as NoteDoc | null) ?? null),
    noteText: withhold ? '' : row.noteText,
    author: row.author,
    group: row.group,
    visibility: row.visibility === 'GROUP' ? 'group' : 'private',
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    rev: row.rev,
    replyCount: row._count.replies,
    hidden,
    can: { edit: mine, delete: mine, reply: mine || role !== null, hide: facilitator && !mine },
  };
}
