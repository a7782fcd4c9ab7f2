import 'server-only';
import type postgres from 'postgres';
import type { ListPosition } from '@/lib/annotations/list-cursor';
import type { AnnotationFilter } from '@/lib/annotations/schemas';
import { rawSql } from '../db';
import { withholdsTextSql, type AnnotationScope } from './annotation-access';
import { annotationFilterSql } from './annotation-filter-sql';
import { joinedViewTables } from './annotation-view';

/** One page of the list: at most `limit` annotations after `after` (none: from the start). */
export interface ListPage {
  limit: number;
  after?: ListPosition;
}

/**
 * One page of the JSON array of what `scope` sees on its document that passes `filter`, in
 * document order, orphans last (ties by creation time, then id), and where the next page
 * starts (null after the last). Each item is `toAnnotationView`'s view, spelled in SQL and
 * built by PostgreSQL, so a page costs this process one buffer of UTF-8 rather than rows to
 * parse, objects to build and JSON to write. Pages are bounded (ADR 0023): the list of 10,000
 * in one answer held a connection of the pool for a second of PostgreSQL's time and the event
 * loop for its 8 MB (docs/benchmarks.md, "Mixed load"). Rules 1 and 3 come from
 * annotation-access.ts (`scopeSql`, `withholdsTextSql`); tests/integration/annotation-edits
 * holds the list to the single views.
 */
export async function listAnnotationsJson(
  scope: AnnotationScope,
  filter: AnnotationFilter & { annotation?: string[] },
  searchWhere: (q: string) => Promise<object>,
  page: ListPage,
): Promise<{ list: Buffer; next: ListPosition | null }> {
  const sql = rawSql();
  const { condition } = await annotationFilterSql(sql, scope, filter, searchWhere);
  const member = scope.memberships.map((m) => m.groupId);
  const facilitated = scope.memberships.filter((m) => m.role === 'FACILITATOR').map((m) => m.groupId);
  const mine = sql`(a."authorId" = ${scope.reader.id})`;
  const withheld = withholdsTextSql(sql, scope);
  const iso = (column: postgres.PendingQuery<postgres.Row[]>) =>
    sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const after = page.after
    ? sql`AND (a."status" = 'ORPHANED', a."startIndex", a."startOffset", a."createdAt", a."id")
          > (${page.after.orphaned}::boolean, ${page.after.startIndex}::int, ${page.after.startOffset}::int,
             ${page.after.createdAt}::timestamp, ${page.after.id}::uuid)`
    : sql``;
  // The page's keys first (one more than asked, to know whether another page follows); the
  // views are built for the page's rows only.
  const [[list, more, last]] = await sql<[Buffer, Buffer, Buffer | null][]>`
    WITH "keys" AS (
      SELECT a."id", a."status" = 'ORPHANED' AS "orphaned", a."startIndex", a."startOffset", a."createdAt"
      FROM "annotations" a
      WHERE ${condition} ${after}
      ORDER BY 2, 3, 4, 5, 1
      LIMIT ${page.limit + 1}
    ), "page" AS (
      SELECT * FROM "keys" ORDER BY 2, 3, 4, 5, 1 LIMIT ${page.limit}
    )
    SELECT COALESCE((SELECT json_agg(json_build_object(
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
      ORDER BY p."orphaned", p."startIndex", p."startOffset", p."createdAt", p."id")
      FROM "page" p, ${joinedViewTables(sql)} WHERE a."id" = p."id"), '[]')::text AS "list",
      ((SELECT count(*) FROM "keys") > ${page.limit})::text AS "more",
      (SELECT json_build_array(p."orphaned", p."startIndex", p."startOffset", ${iso(sql`p."createdAt"`)}, p."id")
       FROM "page" p
       ORDER BY p."orphaned" DESC, p."startIndex" DESC, p."startOffset" DESC, p."createdAt" DESC, p."id" DESC
       LIMIT 1)::text AS "last"`.raw();
  if (more.toString() !== 'true' || !last) return { list, next: null };
  const [orphaned, startIndex, startOffset, createdAt, id] = JSON.parse(last.toString()) as [
    boolean,
    number,
    number,
    string,
    string,
  ];
  return { list, next: { orphaned, startIndex, startOffset, createdAt, id } };
}
