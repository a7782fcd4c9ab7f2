import 'server-only';
import type postgres from 'postgres';
import { mineFilter, type AnnotationFilter } from '@/lib/annotations/schemas';
import type { AnnotationView } from '@/lib/annotations/types';
import { db, rawSql } from '../db';
import { scopeSql, type AnnotationScope } from './annotation-access';
import {
  fromJoinedRow,
  joinedViewColumns,
  joinedViewTables,
  toAnnotationView,
  type JoinedViewRow,
} from './annotation-view';

// The document's annotations as the reader's client lists them, in one postgres.js query
// with their version, author, group, tags and reply count joined in. Through Prisma (one
// query per relation, then its row mapping) a list of 10,000 held the event loop for
// seconds, stalling every write in flight (docs/benchmarks.md, "Mixed load"). Rule 1 is
// annotation-access.ts's `scopeSql`; each view is `toAnnotationView`'s, as everywhere.

/** The list filters in SQL, over `"annotations" AS a`; a text search (which rule 3 shapes)
 * is answered by `searchWhere` and joined as an id list. */
async function filterSql(
  sql: postgres.Sql,
  scope: AnnotationScope,
  filter: AnnotationFilter & { annotation?: string[] },
  searchWhere: (q: string) => Promise<object>,
) {
  const parts = [scopeSql(sql, scope)];
  if (filter.annotation?.length) parts.push(sql`a."id" = ANY(${filter.annotation}::uuid[])`);
  if (filter.tag.length > 0)
    parts.push(sql`EXISTS (SELECT 1 FROM "annotation_tags" x JOIN "tags" t ON t."id" = x."tagId"
      WHERE x."annotationId" = a."id" AND t."slug" = ANY(${filter.tag}))`);
  if (filter.reader.length > 0) parts.push(sql`a."authorId" = ANY(${filter.reader})`);
  if (filter.group === 'private') parts.push(sql`a."visibility" = 'PRIVATE'`);
  else if (filter.group) parts.push(sql`a."groupId" = ${filter.group}::uuid`);
  const mine = mineFilter(filter);
  if (mine === 'mine') parts.push(sql`a."authorId" = ${scope.reader.id}`);
  if (mine === 'others') parts.push(sql`a."authorId" <> ${scope.reader.id}`);
  if (filter.status === 'orphaned') parts.push(sql`a."status" = 'ORPHANED'`);
  if (filter.status === 'anchored') parts.push(sql`a."status" <> 'ORPHANED'`);
  if (filter.q) {
    const where = { AND: [scope.where, await searchWhere(filter.q)] };
    const ids = (await db.annotation.findMany({ where, select: { id: true } })).map((r) => r.id);
    parts.push(sql`a."id" = ANY(${ids}::uuid[])`);
  }
  // Wrapped: a fragment returned from an async function would be awaited, so run.
  return { condition: parts.reduce((all, part) => sql`${all} AND (${part})`) };
}

/** The annotations `scope` sees on its document that pass `filter`, in document order,
 * orphans last. */
export async function listAnnotationViews(
  scope: AnnotationScope,
  filter: AnnotationFilter & { annotation?: string[] },
  searchWhere: (q: string) => Promise<object>,
): Promise<AnnotationView[]> {
  const sql = rawSql();
  const { condition } = await filterSql(sql, scope, filter, searchWhere);
  const rows = await sql<JoinedViewRow[]>`
    SELECT ${joinedViewColumns(sql)} FROM ${joinedViewTables(sql)}
    WHERE ${condition}
    ORDER BY a."status" = 'ORPHANED', a."startIndex", a."startOffset", a."createdAt"`;
  return rows.map((row) => toAnnotationView(fromJoinedRow(row), scope));
}
