import 'server-only';
import type postgres from 'postgres';
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

/** An annotation row as postgres.js reads it with `joinedViewColumns`: the relations of
 * `annotationSelect` joined in one query, for the hot paths that skip Prisma. */
export type JoinedViewRow = Omit<AnnotationViewRow, 'version' | 'author' | 'group' | 'tags' | '_count'> & {
  versionNumber: number;
  authorName: string;
  groupName: string | null;
  tags: { slug: string; position: number }[];
  replies: number;
};

/** The columns of a `JoinedViewRow` over `"annotations" AS a`, joined with `joinedViewTables`. */
export function joinedViewColumns(sql: postgres.Sql) {
  return sql`a."id", a."documentId", a."authorId", u."name" AS "authorName", a."groupId", g."name" AS "groupName",
    a."visibility", a."noteJson", a."noteText", a."startBlock", a."startOffset", a."endBlock", a."endOffset",
    a."exact", a."prefix", a."suffix", a."status", a."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    a."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", a."rev", a."hiddenAt" AT TIME ZONE 'UTC' AS "hiddenAt",
    v."number" AS "versionNumber",
    COALESCE((SELECT json_agg(json_build_object('slug', t."slug", 'position', t."position"))
              FROM "annotation_tags" x JOIN "tags" t ON t."id" = x."tagId" WHERE x."annotationId" = a."id"), '[]') AS "tags",
    (SELECT count(*)::int FROM "replies" r WHERE r."annotationId" = a."id" AND r."deletedAt" IS NULL) AS "replies"`;
}

export function joinedViewTables(sql: postgres.Sql) {
  return sql`"annotations" a
    JOIN "document_versions" v ON v."id" = a."versionId"
    JOIN "users" u ON u."id" = a."authorId"
    LEFT JOIN "groups" g ON g."id" = a."groupId"`;
}

export function fromJoinedRow(row: JoinedViewRow): AnnotationViewRow {
  const { versionNumber, authorName, groupName, tags, replies, ...columns } = row;
  return {
    ...columns,
    version: { number: versionNumber },
    author: { id: row.authorId, name: authorName },
    group: row.groupId ? { id: row.groupId, name: groupName ?? '' } : null,
    tags: tags.map((tag) => ({ tag })),
    _count: { replies },
  };
}
