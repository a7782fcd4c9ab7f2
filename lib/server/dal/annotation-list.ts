import 'server-only';
import type postgres from 'postgres';
import type { AnnotationFilter } from '@/lib/annotations/schemas';
import { rawSql } from '../db';
import { withholdsTextSql, type AnnotationScope } from './annotation-access';
import { annotationFilterSql } from './annotation-filter-sql';
import { joinedViewTables } from './annotation-view';

/**
 * The JSON array of what `scope` sees on its document that passes `filter`, in document
 * order, orphans last: each item is `toAnnotationView`'s view, spelled in SQL and built by
 * PostgreSQL, so a list of 10,000 costs this process one buffer of UTF-8 rather than rows to
 * parse, objects to build and JSON to write (which held the event loop for seconds and stalled
 * every write in flight; docs/benchmarks.md, "Mixed load"). Rules 1 and 3 come from
 * annotation-access.ts (`scopeSql`, `withholdsTextSql`); tests/integration/annotation-edits
 * holds the list to the single views.
 */
export async function listAnnotationsJson(
  scope: AnnotationScope,
  filter: AnnotationFilter & { annotation?: string[] },
  searchWhere: (q: string) => Promise<object>,
): Promise<Buffer> {
  const sql = rawSql();
  const { condition } = await annotationFilterSql(sql, scope, filter, searchWhere);
  const member = scope.memberships.map((m) => m.groupId);
  const facilitated = scope.memberships.filter((m) => m.role === 'FACILITATOR').map((m) => m.groupId);
  const mine = sql`(a."authorId" = ${scope.reader.id})`;
  const withheld = withholdsTextSql(sql, scope);
  const iso = (column: postgres.PendingQuery<postgres.Row[]>) =>
    sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  // Raw: the bytes as they came, not decoded into a string only to be encoded again.
  const [[list]] = await sql<[Buffer][]>`
    SELECT COALESCE(json_agg(json_build_object(
      'id', a."id", 'documentId', a."documentId", 'documentVersion', v."number",
      'target', json_build_object(
        'start', json_build_object('block', a."startBlock", 'offset', a."startOffset"),
        'end', json_build_object('block', a."endBlock", 'offset', a."endOffset"),
        'exact', a."exact", 'prefix', a."prefix", 'suffix', a."suffix"),
      'tags', COALESCE((SELECT json_agg(t."slug" ORDER BY t."position") FROM "annotation_tags" x
                        JOIN "tags" t ON t."id" = x."tagId" WHERE x."annotationId" = a."id"), '[]'),
      'note', CASE WHEN ${withheld} THEN NULL ELSE a."noteJson" END,
      'noteText', CASE WHEN ${withheld} THEN '' ELSE a."noteText" END,
      'author', json_build_object('id', a."authorId", 'name', u."name"),
      'group', CASE WHEN a."groupId" IS NULL THEN NULL ELSE json_build_object('id', a."groupId", 'name', g."name") END,
      'visibility', CASE WHEN a."visibility" = 'GROUP' THEN 'group' ELSE 'private' END,
      'status', a."status",
      'createdAt', ${iso(sql`a."createdAt"`)}, 'updatedAt', ${iso(sql`a."updatedAt"`)},
      'rev', a."rev",
      'replyCount', (SELECT count(*) FROM "replies" r WHERE r."annotationId" = a."id" AND r."deletedAt" IS NULL),
      'hidden', a."hiddenAt" IS NOT NULL,
      'can', json_build_object('edit', ${mine}, 'delete', ${mine},
        'reply', ${mine} OR COALESCE(a."groupId" = ANY(${member}::uuid[]), false),
        'hide', NOT ${mine} AND COALESCE(a."groupId" = ANY(${facilitated}::uuid[]), false)))
      ORDER BY a."status" = 'ORPHANED', a."startIndex", a."startOffset", a."createdAt"), '[]')::text AS "list"
    FROM ${joinedViewTables(sql)}
    WHERE ${condition}`.raw();
  return list;
}
