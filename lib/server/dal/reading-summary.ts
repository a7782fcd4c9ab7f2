import 'server-only';
import { rawSql } from '../db';
import type { GroupRole } from '@/lib/groups/schemas';
import type { Reader } from '../session';
import { requireFacilitator } from './group-access';
import { resolveDocumentId } from './documents';

export interface ReaderRow {
  userId: string;
  name: string;
  role: GroupRole;
  annotations: number;
  byTag: Record<string, number>;
  replies: number;
  lastActivity: string | null;
}

/** Where the group's attention went on one document, per reader: a facilitator's view
 * (every member is listed, including those who have not annotated yet). Hidden notes and
 * replies count: facilitators read them (annotation-access.ts, rule 3), and no one else
 * opens this summary. */
export async function readingSummary(
  reader: Reader,
  documentIdOrSlug: string,
  groupId: string,
): Promise<ReaderRow[]> {
  await requireFacilitator(reader, groupId, 'see the per-reader summary');
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const sql = rawSql();
  const rows = await sql<
    {
      userId: string;
      name: string;
      role: ReaderRow['role'];
      annotations: number;
      byTag: Record<string, number> | null;
      replies: number;
      lastActivity: Date | null;
    }[]
  >`
    WITH members AS (
      SELECT m."userId", u."name", m."role" FROM "memberships" m JOIN "users" u ON u."id" = m."userId" WHERE m."groupId" = ${groupId}
    ), notes AS (
      SELECT a."id", a."authorId", a."updatedAt" FROM "annotations" a
      WHERE a."documentId" = ${documentId} AND a."groupId" = ${groupId} AND a."deletedAt" IS NULL
    ), tag_counts AS (
      SELECT n."authorId", t."slug", count(*)::int AS n FROM notes n
      JOIN "annotation_tags" at ON at."annotationId" = n."id" JOIN "tags" t ON t."id" = at."tagId"
      GROUP BY n."authorId", t."slug"
    ), reply_counts AS (
      SELECT r."authorId", count(*)::int AS n, max(r."createdAt") AS last FROM "replies" r
      JOIN notes n ON n."id" = r."annotationId" WHERE r."deletedAt" IS NULL GROUP BY r."authorId"
    )
    SELECT m."userId", m."name", m."role",
      (SELECT count(*)::int FROM notes n WHERE n."authorId" = m."userId") AS annotations,
      (SELECT json_object_agg(tc."slug", tc.n) FROM tag_counts tc WHERE tc."authorId" = m."userId") AS "byTag",
      coalesce(rc.n, 0) AS replies,
      greatest((SELECT max(n."updatedAt") FROM notes n WHERE n."authorId" = m."userId"), rc.last) AS "lastActivity"
    FROM members m LEFT JOIN reply_counts rc ON rc."authorId" = m."userId"
    ORDER BY annotations DESC, m."name" ASC`;
  return rows.map((r) => ({
    ...r,
    byTag: r.byTag ?? {},
    lastActivity: r.lastActivity ? new Date(r.lastActivity).toISOString() : null,
  }));
}
