import 'server-only';
import type { AnnotationView } from '@/lib/annotations/types';
import type { NoteDoc } from '@/lib/notes';
import type { AnnotationScope } from './annotation-access';
import { roleIn } from './annotation-access';

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
} as const;

export interface AnnotationRow {
  id: string;
  documentId: string;
  authorId: string;
  groupId: string | null;
  visibility: 'PRIVATE' | 'GROUP';
  noteJson: unknown;
  noteText: string;
  startBlock: string;
  startOffset: number;
  endBlock: string;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: AnnotationView['status'];
  createdAt: Date;
  updatedAt: Date;
  rev: number;
  hiddenAt: Date | null;
  version: { number: number };
  author: { id: string; name: string };
  group: { id: string; name: string } | null;
  tags: { tag: { slug: string; position: number } }[];
  _count: { replies: number };
}

/** Maps a row to what this reader may see of it: a note hidden by a facilitator is
 * withheld from other members (its author and the facilitators still see it). */
export function toAnnotationView(
  row: AnnotationRow,
  scope: Pick<AnnotationScope, 'reader' | 'memberships'>,
): AnnotationView {
  const mine = row.authorId === scope.reader.id;
  const role = roleIn(scope, row.groupId);
  const facilitator = role === 'FACILITATOR';
  const hidden = row.hiddenAt !== null;
  const withhold = hidden && !mine && !facilitator;
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
