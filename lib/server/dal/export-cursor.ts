import 'server-only';
import type postgres from 'postgres';
import type { AnnotationFilter } from '@/lib/annotations/schemas';
import type { ExportAnnotation, ExportContext } from '@/lib/export/types';
import type { ExportFormat } from '@/lib/openapi/transfer-schemas';
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
import { readAhead, writeInTurns } from './export-batches';
import { blockParams, blocksCte, rowSql } from './export-sql-rows';

// An export's annotations, with their tags, names and replies already joined, come from
// PostgreSQL as finished rows: the sorted ids first, then one query per batch of ids, two
// batches at once (docs/adr/0022, docs/benchmarks.md "Exports"). No Prisma per row or per
// batch. Rule 1 and the list filters are annotation-filter-sql.ts's, as for the list.

export type ExportOrder =
  | { kind: 'document' }
  | {
      kind: 'sections';
      tagIds: string[];
      /** given, before the first batch, how many annotations each section tag (null:
       * untagged) holds, counted from the sorted ids rather than by a query of its own */
      counted: (counts: Map<string | null, number>) => void;
    };

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
}

/**
 * The tags of a Markdown export's annotations (only the filter's, if it names some) in the
 * tag pickers' order: a note is listed once, under the first of these it has. How many each
 * section holds comes with the sorted ids (ExportOrder's `counted`).
 */
export async function exportSections(scope: AnnotationScope, filter: AnnotationFilter) {
  const { sql, condition } = await planQuery(scope, filter);
  const onlyTags = filter.tag.length > 0 ? sql`AND t."slug" = ANY(${filter.tag})` : sql``;
  return sql<ExportSection[]>`
    SELECT t."id", t."slug", t."name" FROM "tags" t
    WHERE t."id" IN (SELECT x."tagId" FROM "annotation_tags" x JOIN "annotations" a ON a."id" = x."annotationId"
                     WHERE ${condition}) ${onlyTags}
    ORDER BY t."groupId" NULLS FIRST, t."position", t."createdAt"`;
}

type SlowRow = Omit<ExportSourceRow, 'replies' | 'tags' | 'createdAt' | 'updatedAt'> & {
  createdAt: number;
  updatedAt: number;
  tagIds: string[];
};

/** One row of an export: its finished text as UTF-8 bytes (written by PostgreSQL,
 * export-sql-rows.ts), or the annotation for the formatters when PostgreSQL could not write
 * it identically. */
export type ExportItem = { sectionTag: string | null } & (
  { line: Buffer; annotation?: undefined } | { line?: undefined; annotation: ExportAnnotation }
);

/**
 * The export's rows, batch by batch, in document order with orphans last, or (for
 * Markdown) by section tag first. Each row comes with its section tag.
 */
export async function* exportCursor(
  scope: AnnotationScope,
  filter: AnnotationFilter,
  doc: DocumentInfo,
  format: ExportFormat,
  ctx: ExportContext,
  order: ExportOrder,
  batchSize: number,
): AsyncGenerator<ExportItem[]> {
  // The planner's estimate for a large export crosses jit_above_cost, and compiling the
  // query then costs more than running it (7.6 s of JIT before a 1.2 s execution at 30,000
  // rows, measured): the export's connection runs without JIT.
  const reserved = await rawSql().reserve();
  try {
    await reserved`SET jit = off`;
    // Markdown's sort of 100,000 ids and keys fits in memory with this (4 MB spilled it).
    await reserved`SET work_mem = '32MB'`;
    yield* readCursor(reserved, { scope, filter, doc, format, ctx, order, batchSize });
  } finally {
    await reserved`RESET jit`.catch(() => undefined);
    await reserved`RESET work_mem`.catch(() => undefined);
    reserved.release();
  }
}

interface CursorInput {
  scope: AnnotationScope;
  filter: AnnotationFilter;
  doc: DocumentInfo;
  format: ExportFormat;
  ctx: ExportContext;
  order: ExportOrder;
  batchSize: number;
}

type CursorRow = { line: Buffer | null; sectionTag: string | null; slow: SlowRow | null };

// The rows are read raw (postgres.js hands each column over as the bytes it received): a
// finished line goes to the response as those bytes, never decoded to a JavaScript string
// and encoded again (167 MB of JSON-LD at 100,000 rows: that round trip was most of what
// this process did, and its garbage most of the RSS; docs/benchmarks.md, "Exports").
// The columns' order is the SELECT's: line, slow, sectionTag.
type RawRow = (Buffer | null)[];
const fromRaw = (r: RawRow): CursorRow => ({
  line: r[0],
  slow: r[1] === null ? null : (JSON.parse(r[1].toString('utf8')) as SlowRow),
  sectionTag: r[2] === null ? null : r[2].toString('utf8'),
});

async function* readCursor(sql: postgres.Sql, input: CursorInput): AsyncGenerator<ExportItem[]> {
  const { scope, filter, doc, format, ctx, order, batchSize } = input;
  const { condition } = await planQuery(scope, filter, sql);
  const lookups = new ExportLookups();
  const tags = new TagOrder(rawSql());
  const versionIds = await sql<
    { id: string }[]
  >`SELECT DISTINCT a."versionId" AS "id" FROM "annotations" a WHERE ${condition}`;
  const versions = await Promise.all(versionIds.map((v) => lookups.version(v.id)));
  const blocks = blocksCte(sql, blockParams(versions, ctx, doc));
  const row = rowSql(sql, format, scope, ctx, doc);
  // The rows PostgreSQL could not write come with their columns, as the formatters take them.
  const slowColumns = sql`json_build_object('id', a."id", 'versionId', a."versionId", 'authorId', a."authorId",
    'authorName', coalesce(u."name", ''), 'groupId', a."groupId", 'groupName', coalesce(g."name", ''),
    'visibility', a."visibility", 'noteJson', a."noteJson", 'noteText', a."noteText", 'startBlock', a."startBlock",
    'startOffset', a."startOffset", 'endBlock', a."endBlock", 'endOffset', a."endOffset", 'exact', a."exact",
    'prefix', a."prefix", 'suffix', a."suffix", 'status', a."status",
    'createdAt', (extract(epoch FROM a."createdAt") * 1000)::float8, 'updatedAt', (extract(epoch FROM a."updatedAt") * 1000)::float8,
    'hidden', a."hiddenAt" IS NOT NULL,
    'tagIds', ARRAY(SELECT x."tagId" FROM "annotation_tags" x WHERE x."annotationId" = a."id"))`;
  const withReplies = (raw: RawRow[]) => {
    const rows = raw.map(fromRaw);
    const slow = rows.flatMap((r) => (r.slow ? [r.slow.id] : []));
    const replies = slow.length > 0 ? repliesOf(rawSql(), slow) : Promise.resolve(new Map());
    replies.catch(() => undefined); // awaited with its batch; a cancelled export never does
    return { rows, replies };
  };
  const select = sql`CASE WHEN ${row.fast} THEN ${row.line} END AS "line",
    CASE WHEN ${row.fast} THEN NULL ELSE ${slowColumns} END AS "slow"`;
  const joins = sql`LEFT JOIN "users" u ON u."id" = a."authorId"
    LEFT JOIN "groups" g ON g."id" = a."groupId"
    LEFT JOIN pb ON pb.v = a."versionId" AND pb.anchor = a."startBlock"
    ${row.joins}`;
  // The ids come first, sorted, with their section tag; then each batch of ids is written
  // in one query, its rows fetched by id and put back in order (writeInTurns). One ORDER BY
  // over the written rows sorted them all wide (30 MB spilled to disk) before the first came
  // out. Document order is the ("documentId", "startIndex", "startOffset") index's, orphans
  // last; section order (Markdown) sorts the ids and their computed section in memory.
  const tagIds = order.kind === 'sections' ? order.tagIds : [];
  const query =
    order.kind === 'sections'
      ? sql<Key[]>`SELECT a."id", (${tagIds}::uuid[])[s."rank"] AS "section" FROM "annotations" a
          CROSS JOIN LATERAL (SELECT min(array_position(${tagIds}::uuid[], x."tagId")) AS "rank"
            FROM "annotation_tags" x WHERE x."annotationId" = a."id") s
          WHERE ${condition}
          ORDER BY s."rank" NULLS LAST, (a."status" = 'ORPHANED'), a."startIndex", a."startOffset", a."id"`
      : documentKeys(sql, condition);
  const keys = await query;
  if (order.kind === 'sections') {
    const counts = new Map<string | null, number>();
    for (const k of keys) counts.set(k.section, (counts.get(k.section) ?? 0) + 1);
    order.counted(counts);
  }
  // The batch's rows are fetched by id in a fenced subquery, so the joins above it (the
  // blocks' table above all) are made once for the batch rather than once per row.
  const write = (db: postgres.Sql | postgres.TransactionSql, batch: Key[]) =>
    db<RawRow[]>`
      WITH ${blocks}, o AS (SELECT * FROM unnest(${batch.map((k) => k.id)}::uuid[],
        ${batch.map((k) => k.section)}::uuid[]) WITH ORDINALITY AS o(id, section, ord))
      SELECT ${select}, a."oSection" AS "sectionTag"
      FROM (SELECT a0.*, o."section" AS "oSection", o."ord" AS "oOrd"
            FROM o JOIN "annotations" a0 ON a0."id" = o."id" OFFSET 0) a
      ${joins}
      WHERE ${condition}
      ORDER BY a."oOrd"`.raw();
  // Every other batch runs on a pooled connection for one transaction, so that a large
  // export never holds two of the pool's connections while it is being downloaded.
  const writeBatch = (batch: Key[], turn: number) =>
    turn % 2 === 0
      ? write(sql, batch)
      : rawSql().begin(async (tx) => {
          await tx`SET LOCAL jit = off`;
          return write(tx, batch);
        });
  let version: VersionInfo | null = null;
  // Each batch's replies (for the rows PostgreSQL did not write) are asked for as soon as
  // its rows arrive, so they are read while the next batches are written.
  for await (const { rows, replies } of readAhead(writeInTurns(keys, batchSize, writeBatch), withReplies)) {
    const slow = rows.flatMap((r) => (r.slow ? [r.slow] : []));
    if (slow.length > 0) await tags.learn(slow);
    const repliesByAnnotation = await replies;
    const batch: ExportItem[] = [];
    for (const r of rows) {
      if (r.line !== null) {
        batch.push({ sectionTag: r.sectionTag, line: r.line });
        continue;
      }
      const s = r.slow!;
      // Rows of one version follow each other: no await (a microtask) per row.
      if (version?.id !== s.versionId) version = await lookups.version(s.versionId);
      const source: ExportSourceRow = {
        ...s,
        createdAt: new Date(s.createdAt),
        updatedAt: new Date(s.updatedAt),
        tags: tags.slugs(s.tagIds),
        replies: repliesByAnnotation.get(s.id) ?? [],
      };
      batch.push({ sectionTag: r.sectionTag, annotation: toExportAnnotation(source, version, scope, doc) });
    }
    yield batch;
  }
}

type Key = { id: string; section: string | null };

/** Document order: the anchored annotations, then the orphans, each phase sorted apart (a
 * sort keyed on the status as well took twice as long: 350 against 150 ms at 100,000). */
async function documentKeys(sql: postgres.Sql, condition: Plan['condition']): Promise<Key[]> {
  const phases = [sql`AND a."status" <> 'ORPHANED'`, sql`AND a."status" = 'ORPHANED'`];
  const keys: Key[] = [];
  for (const phase of phases)
    for (const key of await sql<Key[]>`SELECT a."id", NULL::uuid AS "section" FROM "annotations" a
        WHERE ${condition} ${phase}
        ORDER BY a."startIndex", a."startOffset", a."id"`)
      keys.push(key);
  return keys;
}
