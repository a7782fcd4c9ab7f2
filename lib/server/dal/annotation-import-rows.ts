import 'server-only';
import type { TargetColumns } from '@/lib/annotations/target-columns';
import { anchorQuote } from '@/lib/anchoring';
import { targetFromDocumentRange, toDocumentPosition } from '@/lib/anchoring/document-text';
import type { DocumentIndex, Target } from '@/lib/anchoring/types';
import { isEmptyNote, parseNote, plainTextToNote, type NoteDoc } from '@/lib/notes';
import type { ImportedAnnotation } from '@/lib/w3c/parse-import';
import { normaliseTag } from '@/lib/w3c/tags';
import { db, rawSql } from '../db';

// The pieces of an annotation import: tag mapping, notes, placing a quote, and bulk
// inserts. Inserts go through postgres.js with one JSON parameter per batch
// (json_to_recordset): ten times faster than Prisma's createMany for 10,000 rows.

const INSERT_BATCH = 1000;

export type Item = ImportedAnnotation & { index: number };

export interface AnnotationRow extends TargetColumns {
  id: string;
  documentId: string;
  versionId: string;
  authorId: string;
  visibility: 'PRIVATE' | 'GROUP';
  groupId: string | null;
  noteJson: NoteDoc | null;
  noteText: string;
  status: 'ANCHORED' | 'REANCHORED' | 'ORPHANED';
  sourceId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReplyRow {
  id: string;
  annotationId: string;
  authorId: string;
  bodyJson: NoteDoc;
  bodyText: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Items with their position in the file: entries are either items or rejections, in order. */
export function indexItems(items: ImportedAnnotation[], rejected: { index: number }[]): Item[] {
  const taken = new Set(rejected.map((r) => r.index));
  let index = 0;
  return items.map((item) => {
    while (taken.has(index)) index++;
    return { ...item, index: index++ };
  });
}

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

export function checkedNote(
  text: string,
): { ok: true; doc: NoteDoc | null; text: string } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, doc: null, text: '' };
  const parsed = parseNote(plainTextToNote(text));
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  if (isEmptyNote(parsed.doc)) return { ok: true, doc: null, text: '' };
  return { ok: true, doc: parsed.doc, text: parsed.text };
}

/** Our own exports carry block offsets: used as is when the text there is still the quote. */
function placeByBlockHint(index: DocumentIndex, item: Item): Target | null {
  if (!item.blockHint) return null;
  const s = toDocumentPosition(index, item.blockHint.start);
  const e = toDocumentPosition(index, item.blockHint.end);
  if (s === null || e === null || e <= s || index.text.slice(s, e) !== item.exact) return null;
  const target = targetFromDocumentRange(index, s, e);
  return target && target.exact === item.exact ? target : null;
}

/** Where the item's quote is in the document, or null: it will be an orphan. */
export function placeQuote(
  index: DocumentIndex,
  fromCodePoints: (cp: number) => number,
  item: Item,
): { target: Target; status: 'ANCHORED' | 'REANCHORED' } | null {
  const exact = placeByBlockHint(index, item);
  if (exact) return { target: exact, status: 'ANCHORED' };
  const fragmentBlock = item.fragment === undefined ? undefined : index.indexByAnchor.get(item.fragment);
  const positionHint = item.positionHint
    ? fromCodePoints(item.positionHint.start)
    : fragmentBlock !== undefined
      ? index.starts[fragmentBlock]
      : undefined;
  const found = anchorQuote(index, {
    exact: item.exact,
    prefix: item.prefix,
    suffix: item.suffix,
    positionHint,
  });
  if (!found) return null;
  return { target: found.target, status: found.fuzzy ? 'REANCHORED' : 'ANCHORED' };
}

export interface ExistingAnnotation {
  id: string;
  authorId: string;
  groupId: string | null;
  deletedAt: Date | null;
}

export async function existingBySource(
  documentId: string,
  sourceIds: string[],
): Promise<Map<string, ExistingAnnotation>> {
  const found = new Map<string, ExistingAnnotation>();
  if (sourceIds.length === 0) return found;
  const rows = await rawSql()<(ExistingAnnotation & { sourceId: string })[]>`
    SELECT "id", "sourceId", "authorId", "groupId", "deletedAt" FROM "annotations"
    WHERE "documentId" = ${documentId}::uuid AND "sourceId" = ANY(${sourceIds})`;
  for (const row of rows) found.set(row.sourceId, row);
  return found;
}

/** Inserts annotations and their tags, a transaction per batch; returns the ids inserted
 * (a concurrent import of the same file may have taken some source ids meanwhile). */
export async function insertAnnotations(
  rows: { row: AnnotationRow; tagIds: string[] }[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  const sql = rawSql();
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    await sql.begin(async (tx) => {
      const ids = await tx<{ id: string }[]>`
        INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteJson","noteText","startBlock","startIndex",
          "startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","status","sourceId","createdAt","updatedAt")
        SELECT * FROM json_to_recordset(${JSON.stringify(batch.map((b) => b.row))}::text::json) AS r(
          "id" uuid, "documentId" uuid, "versionId" uuid, "authorId" text, "visibility" "Visibility", "groupId" uuid, "noteJson" jsonb,
          "noteText" text, "startBlock" text, "startIndex" int, "startOffset" int, "endBlock" text, "endIndex" int, "endOffset" int,
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

export async function insertReplies(rows: ReplyRow[]): Promise<void> {
  const sql = rawSql();
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await sql`
      INSERT INTO "replies" ("id","annotationId","authorId","bodyJson","bodyText","createdAt","updatedAt")
      SELECT * FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + INSERT_BATCH))}::text::json) AS r(
        "id" uuid, "annotationId" uuid, "authorId" text, "bodyJson" jsonb, "bodyText" text, "createdAt" timestamp, "updatedAt" timestamp)`;
  }
}
