import 'server-only';
import { noteForms } from '@/lib/export/note-forms';
import type { ImportAnnotationRow, ImportReplyRow, PriorImport } from '@/lib/import/plan-annotations';
import { replyKey } from '@/lib/import/plan-replies';
import { normaliseTag } from '@/lib/w3c/tags';
import { db, rawSql } from '../db';
import { canSee, type AnnotationScope } from './annotation-access';

// The database side of an annotation import: tag mapping, earlier imports, and bulk
// inserts (the plan itself is pure: lib/import/plan-annotations.ts). Inserts go through postgres.js with one JSON parameter per batch
// (json_to_recordset): ten times faster than Prisma's createMany for 10,000 rows.

const INSERT_BATCH = 1000;

/** Maps a file's tags to tag ids of the group (or the defaults): by slug, by name, or singular. */
export async function tagResolver(groupId: string | null) {
  const rows = await db.tag.findMany({
    where: { retiredAt: null, OR: [{ groupId: null }, ...(groupId ? [{ groupId }] : [])] },
    select: { id: true, slug: true, name: true, groupId: true },
  });
  const byKey = new Map<string, string>();
  // Defaults first, so that a group's own tag shadows a default of the same name; slugs
  // are set last, so that they win over names.
  rows.sort((a, b) => (a.groupId === null ? 0 : 1) - (b.groupId === null ? 0 : 1));
  for (const row of rows) byKey.set(normaliseTag(row.name), row.id);
  for (const row of rows) byKey.set(row.slug, row.id);
  return (slug: string) => byKey.get(slug) ?? (slug.endsWith('s') ? byKey.get(slug.slice(0, -1)) : undefined);
}

/** This reader's earlier imports of these source ids on the document, deleted ones included
 * (import ids are unique per reader and document: every reader may import a shared file). */
export async function existingBySource(
  documentId: string,
  authorId: string,
  sourceIds: string[],
): Promise<Map<string, PriorImport>> {
  const found = new Map<string, PriorImport>();
  if (sourceIds.length === 0) return found;
  const rows = await rawSql()<(PriorImport & { sourceId: string })[]>`
    SELECT "id", "sourceId", "authorId", "groupId", "deletedAt" FROM "annotations"
    WHERE "documentId" = ${documentId}::uuid AND "authorId" = ${authorId} AND "sourceId" = ANY(${sourceIds})`;
  for (const row of rows) found.set(row.sourceId, row);
  return found;
}

/**
 * The file's items that are this server's own annotations and replies (by the id their URL
 * ends in), still in this document and visible to the reader: their ids, by source id.
 */
export async function stillHere(
  scope: AnnotationScope,
  documentId: string,
  ownIds: Map<string, string>,
): Promise<{ annotations: Map<string, string>; replies: Map<string, string> }> {
  const annotations = new Map<string, string>();
  const replies = new Map<string, string>();
  const ids = [...new Set(ownIds.values())];
  if (ids.length === 0) return { annotations, replies };
  const [annotationRows, replyRows] = await Promise.all([
    db.annotation.findMany({
      where: { id: { in: ids }, documentId, deletedAt: null },
      select: { id: true, authorId: true, groupId: true },
    }),
    db.reply.findMany({
      where: { id: { in: ids }, deletedAt: null, annotation: { documentId, deletedAt: null } },
      select: { id: true, annotation: { select: { authorId: true, groupId: true } } },
    }),
  ]);
  const seen = new Set(annotationRows.filter((a) => canSee(scope, a)).map((a) => a.id));
  const seenReplies = new Set(replyRows.filter((r) => canSee(scope, r.annotation)).map((r) => r.id));
  for (const [sourceId, id] of ownIds) {
    if (seen.has(id)) annotations.set(sourceId, id);
    else if (seenReplies.has(id)) replies.set(sourceId, id);
  }
  return { annotations, replies };
}

/** The replies already under these annotations, by replyKey with and without their date. */
export async function repliesByKey(annotationIds: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (annotationIds.length === 0) return known;
  const rows = await db.reply.findMany({
    where: { annotationId: { in: [...new Set(annotationIds)] }, deletedAt: null },
    select: { id: true, annotationId: true, bodyText: true, createdAt: true },
  });
  for (const r of rows) {
    known.set(replyKey(r.annotationId, r.bodyText), r.id);
    known.set(replyKey(r.annotationId, r.bodyText, r.createdAt), r.id);
  }
  return known;
}

// Each row with its note's export forms (docs/adr/0022); json_to_recordset reads by key.
function withNoteForms(row: ImportAnnotationRow) {
  const forms = noteForms(row.noteJson, row.noteText);
  return { ...row, noteCsv: forms.csv, noteMarkdown: forms.markdown, noteHtml: forms.html };
}

function withBodyForms(row: ImportReplyRow) {
  const forms = noteForms(row.bodyJson, row.bodyText);
  return { ...row, bodyCsv: forms.csv, bodyMarkdown: forms.markdown, bodyHtml: forms.html };
}

/** Inserts annotations and their tags, a transaction per batch; returns the ids inserted
 * (a concurrent import of the same file may have taken some source ids meanwhile). */
export async function insertAnnotations(
  rows: { row: ImportAnnotationRow; tagIds: string[] }[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  const sql = rawSql();
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    await sql.begin(async (tx) => {
      const ids = await tx<{ id: string }[]>`
        INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteJson","noteText",
          "noteCsv","noteMarkdown","noteHtml","startBlock","startIndex",
          "startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","status","sourceId","createdAt","updatedAt")
        SELECT * FROM json_to_recordset(${JSON.stringify(batch.map((b) => withNoteForms(b.row)))}::text::json) AS r(
          "id" uuid, "documentId" uuid, "versionId" uuid, "authorId" text, "visibility" "Visibility", "groupId" uuid, "noteJson" jsonb,
          "noteText" text, "noteCsv" text, "noteMarkdown" text, "noteHtml" text, "startBlock" text, "startIndex" int, "startOffset" int, "endBlock" text, "endIndex" int, "endOffset" int,
          "exact" text, "prefix" text, "suffix" text, "status" "AnchorStatus", "sourceId" text, "createdAt" timestamp, "updatedAt" timestamp)
        ON CONFLICT DO NOTHING
        RETURNING "id"`;
      const here = new Set(ids.map((r) => r.id));
      const tags = batch
        .filter((b) => here.has(b.row.id))
        .flatMap((b) => b.tagIds.map((tagId) => ({ annotationId: b.row.id, tagId })));
      if (tags.length > 0) {
        await tx`
          INSERT INTO "annotation_tags" ("annotationId", "tagId")
          SELECT * FROM json_to_recordset(${JSON.stringify(tags)}::text::json) AS r("annotationId" uuid, "tagId" uuid)`;
      }
      for (const id of here) inserted.add(id);
    });
  }
  return inserted;
}

export async function insertReplies(rows: ImportReplyRow[]): Promise<void> {
  const sql = rawSql();
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await sql`
      INSERT INTO "replies" ("id","annotationId","authorId","bodyJson","bodyText","bodyCsv","bodyMarkdown","bodyHtml",
        "attribution","createdAt","updatedAt")
      SELECT * FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + INSERT_BATCH).map(withBodyForms))}::text::json) AS r(
        "id" uuid, "annotationId" uuid, "authorId" text, "bodyJson" jsonb, "bodyText" text,
        "bodyCsv" text, "bodyMarkdown" text, "bodyHtml" text, "attribution" text,
        "createdAt" timestamp, "updatedAt" timestamp)`;
  }
}
