import 'server-only';
import type postgres from 'postgres';
import type { AnnotationFilter } from '@/lib/annotations/schemas';
import type { ExportAnnotation } from '@/lib/export/types';
import { rawSql } from '../db';
import type { AnnotationScope } from './annotation-access';
import { annotationFilterSql } from './annotation-filter-sql';
import { filterWhere } from './annotations';
import {
  toExportAnnotation,
  type DocumentInfo,
  type ExportSourceRow,
  type VersionInfo,
} from './export-annotation';
import { repliesOf, TagOrder } from './export-children';
import { ExportLookups } from './export-records';

// One query, read through one postgres.js cursor, gives an export's annotations with their
// tags, names and replies already joined: no Prisma per row or per batch (docs/benchmarks.md,
// "Exports"). Rule 1 and the list filters are annotation-filter-sql.ts's, as for the list.

export type ExportOrder = { kind: 'document' } | { kind: 'sections'; tagIds: string[] };

interface Plan {
  sql: postgres.Sql;
  condition: postgres.PendingQuery<postgres.Row[]>;
}

async function planQuery(
  scope: AnnotationScope,
  filter: AnnotationFilter,
  sql: postgres.Sql = rawSql(),
): Promise<Plan> {
  const { condition } = await annotationFilterSql(sql, scope, filter, (q) =>
    filterWhere(scope, { tag: [], reader: [], mine: undefined, q }),
  );
  return { sql, condition };
}

/** How many annotations and live replies the export holds. */
export async function countExport(scope: AnnotationScope, filter: AnnotationFilter) {
  const { sql, condition } = await planQuery(scope, filter);
  const [row] = await sql<{ annotations: number; replies: number }[]>`
    SELECT count(*)::int AS "annotations",
           (SELECT count(*)::int FROM "replies" r
              WHERE r."deletedAt" IS NULL AND r."annotationId" IN (SELECT a."id" FROM "annotations" a WHERE ${condition})) AS "replies"
    FROM "annotations" a WHERE ${condition}`;
  return row;
}

export interface ExportSection {
  id: string;
  slug: string;
  name: string;
  /** annotations listed under this tag (their first tag among the export's) */
  count: number;
}

/**
 * The tags of a Markdown export in the tag pickers' order, each with the annotations whose
 * first tag (among the filter's, if any) it is: a note is listed once, under that tag.
 */
export async function exportSections(scope: AnnotationScope, filter: AnnotationFilter) {
  const { sql, condition } = await planQuery(scope, filter);
  const onlyTags = filter.tag.length > 0 ? sql`AND t."slug" = ANY(${filter.tag})` : sql``;
  const tags = await sql<Omit<ExportSection, 'count'>[]>`
    SELECT t."id", t."slug", t."name" FROM "tags" t
    WHERE t."id" IN (SELECT x."tagId" FROM "annotation_tags" x JOIN "annotations" a ON a."id" = x."annotationId"
                     WHERE ${condition}) ${onlyTags}
    ORDER BY t."groupId" NULLS FIRST, t."position", t."createdAt"`;
  const tagIds = tags.map((t) => t.id);
  const counts = await sql<{ tagId: string; count: number }[]>`
    SELECT s."tagId", count(*)::int AS "count" FROM (
      SELECT ${firstTag(sql, tagIds)} AS "tagId" FROM "annotations" a WHERE ${condition}) s
    GROUP BY s."tagId"`;
  const countOf = new Map(counts.map((c) => [c.tagId, c.count]));
  return tags.map((t) => ({ ...t, count: countOf.get(t.id) ?? 0 }));
}

function firstTag(sql: postgres.Sql, tagIds: string[]) {
  return sql`(SELECT x."tagId" FROM "annotation_tags" x
    WHERE x."annotationId" = a."id" AND x."tagId" = ANY(${tagIds}::uuid[])
    ORDER BY array_position(${tagIds}::uuid[], x."tagId") LIMIT 1)`;
}

type CursorRow = Omit<ExportSourceRow, 'replies' | 'tags'> & {
  sectionTag: string | null;
  tagIds: string[];
};

/**
 * The export's annotations, batch by batch, in document order with orphans last, or (for
 * Markdown) by section tag first. Each batch comes with the section tag of its rows.
 */
export async function* exportCursor(
  scope: AnnotationScope,
  filter: AnnotationFilter,
  doc: DocumentInfo,
  order: ExportOrder,
  batchSize: number,
): AsyncGenerator<{ sectionTag: string | null; annotation: ExportAnnotation }[]> {
  // The planner's estimate for a large export crosses jit_above_cost, and compiling the
  // query then costs more than running it (7.6 s of JIT before a 1.2 s execution at 30,000
  // rows, measured): the cursor's connection runs without JIT.
  const reserved = await rawSql().reserve();
  try {
    await reserved`SET jit = off`;
    yield* readCursor(reserved, scope, filter, doc, order, batchSize);
  } finally {
    await reserved`RESET jit`.catch(() => undefined);
    reserved.release();
  }
}

/** Batches from a postgres.js cursor, the next one already requested while the caller
 * formats the current one: PostgreSQL computes batch n+1 (its tags and replies) while this
 * process writes batch n, instead of each waiting for the other. */
async function* readAhead<T, U>(cursor: AsyncIterable<T>, onArrival: (batch: T) => U): AsyncGenerator<U> {
  const iterator = cursor[Symbol.asyncIterator]();
  // postgres.js answers a finished cursor's next() with a plain { done: true }, not a promise.
  const request = () =>
    Promise.resolve(iterator.next()).then((r) => (r.done ? null : { value: onArrival(r.value) }));
  let pending: Promise<{ value: U } | null> | null = request();
  let done = false;
  try {
    for (;;) {
      const current: { value: U } | null = await pending;
      pending = null;
      if (current === null) {
        done = true;
        return;
      }
      pending = request();
      yield current.value;
    }
  } finally {
    // Stopped early (a cancelled download): let the batch in flight arrive, then close the
    // cursor, so the connection goes back to the pool with no query running.
    const last = pending ? await pending.catch(() => null) : undefined;
    if (!done && last !== null) await iterator.return?.();
  }
}

async function* readCursor(
  sql: postgres.Sql,
  scope: AnnotationScope,
  filter: AnnotationFilter,
  doc: DocumentInfo,
  order: ExportOrder,
  batchSize: number,
): AsyncGenerator<{ sectionTag: string | null; annotation: ExportAnnotation }[]> {
  const { condition } = await planQuery(scope, filter, sql);
  const lookups = new ExportLookups();
  const tags = new TagOrder(rawSql());
  const withReplies = (rows: CursorRow[]) => {
    const replies =
      rows.length > 0
        ? repliesOf(
            rawSql(),
            rows.map((r) => r.id),
          )
        : Promise.resolve(new Map());
    replies.catch(() => undefined); // awaited with its batch; a cancelled export never does
    return { rows, replies };
  };
  const tagIds = order.kind === 'sections' ? order.tagIds : [];
  // The section tag, computed once per row and used twice (selected, sorted on).
  const sectionJoin =
    order.kind === 'sections'
      ? sql`LEFT JOIN LATERAL (SELECT x."tagId" FROM "annotation_tags" x
          WHERE x."annotationId" = a."id" AND x."tagId" = ANY(${tagIds}::uuid[])
          ORDER BY array_position(${tagIds}::uuid[], x."tagId") LIMIT 1) s ON true`
      : sql``;
  const section = order.kind === 'sections' ? sql`s."tagId"` : sql`NULL::uuid`;
  // Document order reads the anchored annotations, then the orphans, each in the
  // ("documentId", "startIndex", "startOffset") index's order: rows stream from the first
  // batch on, where one ORDER BY with the orphans last sorted every row (spilling to disk
  // at 100,000) before the first came out. Sections need that sort (their key is computed).
  const phases =
    order.kind === 'sections'
      ? [sql`ORDER BY array_position(${tagIds}::uuid[], ${section}) NULLS LAST, (a."status" = 'ORPHANED'),`]
      : [sql`AND a."status" <> 'ORPHANED' ORDER BY`, sql`AND a."status" = 'ORPHANED' ORDER BY`];
  for (const phase of phases) {
    const cursor = sql<CursorRow[]>`
      SELECT a."id", a."versionId", a."authorId", coalesce(u."name", '') AS "authorName",
             a."groupId", coalesce(g."name", '') AS "groupName", a."visibility", a."noteJson", a."noteText",
             a."startBlock", a."startOffset", a."endBlock", a."endOffset", a."exact", a."prefix", a."suffix",
             a."status", a."createdAt" AT TIME ZONE 'UTC' AS "createdAt", a."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
             a."hiddenAt" IS NOT NULL AS "hidden", ${section} AS "sectionTag",
             ARRAY(SELECT x."tagId" FROM "annotation_tags" x WHERE x."annotationId" = a."id") AS "tagIds"
      FROM "annotations" a
      LEFT JOIN "users" u ON u."id" = a."authorId"
      LEFT JOIN "groups" g ON g."id" = a."groupId"
      ${sectionJoin}
      WHERE ${condition}
      ${phase} a."startIndex", a."startOffset", a."id"`.cursor(batchSize);
    let version: VersionInfo | null = null;
    // Each batch's replies are asked for as soon as its rows arrive (withReplies), so they
    // are read while the cursor fetches the next batch and this process formats the last.
    for await (const { rows, replies } of readAhead(cursor, withReplies)) {
      await tags.learn(rows);
      const repliesByAnnotation = await replies;
      const batch = [];
      for (const row of rows) {
        // Rows of one version follow each other: no await (a microtask) per row.
        if (version?.id !== row.versionId) version = await lookups.version(row.versionId);
        const source = row as unknown as ExportSourceRow;
        source.tags = tags.slugs(row.tagIds);
        source.replies = repliesByAnnotation.get(row.id) ?? [];
        batch.push({
          sectionTag: row.sectionTag,
          annotation: toExportAnnotation(source, version, scope, doc),
        });
      }
      yield batch;
    }
  }
}
