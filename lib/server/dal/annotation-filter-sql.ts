import 'server-only';
import type postgres from 'postgres';
import { mineFilter, type AnnotationFilter } from '@/lib/annotations/schemas';
import { db } from '../db';
import { scopeSql, type AnnotationScope } from './annotation-access';

/** The list filters in SQL over `"annotations" AS a`, rule 1 (annotation-access.ts's
 * `scopeSql`) first: the SQL spelling of `filterWhere` (annotations.ts), shared by the list
 * and the exports. A text search (which rule 3 shapes) is answered by `searchWhere`, a Prisma
 * condition, and joined as an id list. Wrapped in an object: a fragment returned from an
 * async function would be awaited, so run. */
export async function annotationFilterSql(
  sql: postgres.Sql,
  scope: AnnotationScope,
  filter: AnnotationFilter & { annotation?: string[] },
  searchWhere: (q: string) => Promise<object>,
): Promise<{ condition: postgres.PendingQuery<postgres.Row[]> }> {
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
  return { condition: parts.reduce((all, part) => sql`${all} AND (${part})`) };
}
