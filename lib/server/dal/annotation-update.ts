import 'server-only';
import { noteForms } from '@/lib/export/note-forms';
import type { NoteDoc } from '@/lib/notes';
import type { UpdateAnnotationInput } from '@/lib/annotations/schemas';
import type { AnnotationView } from '@/lib/annotations/types';
import type { TargetColumns } from '@/lib/annotations/target-columns';
import { rawSql } from '../db';
import { conflict, forbidden, notFound } from '../errors';
import { currentIdempotency, replayedResult } from '../idempotency';
import type { Reader } from '../session';
import { annotationScope, canSee } from './annotation-access';
import { checkGroup, checkNote, checkTags, checkTarget } from './annotation-input';
import {
  fromJoinedRow,
  joinedViewColumns,
  joinedViewTables,
  toAnnotationView,
  type JoinedViewRow,
} from './annotation-view';
import { resolveVisibleDocument } from './document-access';
import { readerMemberships } from './memberships';
import { getVersionIndex } from './version-index';

// Editing an annotation (PATCH, and the W3C PUT through w3c-protocol.ts) is one read of the
// row and one write statement: the revision check, the columns, the tags, the place it
// leaves (when re-attached) and the retry key in one UPDATE with its CTEs, as creating and
// deleting are (annotations.ts). No transaction holds a connection across round trips.

/** The row as an edit reads it: what the author check, the tag check and the answer need. */
type EditedRow = JoinedViewRow & TargetColumns & { versionId: string };

const CONFLICT_MESSAGE = 'This annotation was changed elsewhere. Reload to see the latest version.';
/** Another write that keeps the revision (a facilitator hiding it, a revision of the
 * document moving it) landing between the read and the write: read again, then give up. */
const ATTEMPTS = 3;

async function readForEdit(id: string): Promise<EditedRow | undefined> {
  const sql = rawSql();
  const [row] = await sql<EditedRow[]>`
    SELECT ${joinedViewColumns(sql)}, a."versionId", a."startIndex", a."endIndex" FROM ${joinedViewTables(sql)}
    WHERE a."id" = ${id}::uuid AND a."deletedAt" IS NULL`;
  return row;
}

/** Only its author changes an annotation: 404 when the reader cannot see it, 403 when
 * they can see it but it is someone else's. */
export async function assertAuthor(
  reader: Reader,
  row: { authorId: string; groupId: string | null; documentId: string },
) {
  if (row.authorId === reader.id) return;
  const scope = await annotationScope(reader, row.documentId);
  if (!canSee(scope, row)) throw notFound('The annotation');
  throw forbidden('Only its author can change this annotation.');
}

async function readOwn(reader: Reader, id: string): Promise<EditedRow> {
  const row = await readForEdit(id);
  if (!row) throw notFound('The annotation');
  await assertAuthor(reader, row);
  return row;
}

export async function updateAnnotation(
  reader: Reader,
  id: string,
  input: UpdateAnnotationInput,
): Promise<AnnotationView> {
  const replay = replayedResult<AnnotationView>();
  if (replay) return replay.value;
  for (let attempt = 1; ; attempt++) {
    const existing = await readOwn(reader, id);
    const memberships = await readerMemberships(reader);
    if (existing.rev !== input.rev) {
      // The current annotation comes with the refusal, as a read of it would show it.
      await resolveVisibleDocument(reader, existing.documentId);
      throw conflict(CONFLICT_MESSAGE, {
        current: toAnnotationView(fromJoinedRow(existing), { reader, memberships }),
      });
    }
    const view = await writeEdit(reader, existing, input, memberships);
    if (view.written) return view.view;
    if (attempt >= ATTEMPTS) throw conflict(CONFLICT_MESSAGE);
  }
}

/** Checks the edit, builds its answer and writes both in one statement; `written` is false
 * when the row changed since it was read. */
async function writeEdit(
  reader: Reader,
  existing: EditedRow,
  input: UpdateAnnotationInput,
  memberships: Awaited<ReturnType<typeof readerMemberships>>,
): Promise<{ written: boolean; view: AnnotationView }> {
  const groupId =
    input.groupId === undefined ? existing.groupId : await checkGroup(reader, input.groupId, memberships);
  const note = input.note === undefined ? null : checkNote(input.note);
  const target = input.target ? await checkTarget(existing.documentId, input.target) : null;
  const versionNumber = target ? (await getVersionIndex(target.versionId)).number : existing.versionNumber;
  const tags = await checkTags(input.tags ?? existing.tags.map((t) => t.slug), groupId);
  const visibility = groupId ? 'GROUP' : 'PRIVATE';
  const now = new Date();
  const row: EditedRow = {
    ...existing,
    ...(target ?? {}),
    ...(note ? { noteJson: note.json, noteText: note.text } : {}),
    ...(target ? { status: 'ANCHORED' as const } : {}),
    groupId,
    groupName:
      groupId === existing.groupId
        ? existing.groupName
        : (memberships.find((m) => m.groupId === groupId)?.groupName ?? null),
    visibility,
    versionNumber,
    updatedAt: now,
    rev: existing.rev + 1,
    tags: [...tags.positions].map(([slug, position]) => ({ slug, position })),
  };
  const view = toAnnotationView(fromJoinedRow(row), { reader, memberships });
  const sql = rawSql();
  const set = sql`"rev" = "rev" + 1, "updatedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC', "groupId" = ${groupId}::uuid, "visibility" = ${visibility}::"Visibility"`;
  const forms = note ? noteForms(note.json as NoteDoc | null, note.text) : null;
  const noteSet = note
    ? sql`, "noteJson" = ${note.json === null ? null : sql.json(note.json as never)}, "noteText" = ${note.text},
        "noteCsv" = ${forms!.csv}, "noteMarkdown" = ${forms!.markdown}, "noteHtml" = ${forms!.html}`
    : sql``;
  const targetSet = target
    ? sql`, "versionId" = ${target.versionId}::uuid, "startBlock" = ${target.startBlock}, "startIndex" = ${target.startIndex},
        "startOffset" = ${target.startOffset}, "endBlock" = ${target.endBlock}, "endIndex" = ${target.endIndex},
        "endOffset" = ${target.endOffset}, "exact" = ${target.exact}, "prefix" = ${target.prefix}, "suffix" = ${target.suffix},
        "status" = 'ANCHORED'::"AnchorStatus"`
    : sql``;
  // Re-attaching to another version keeps the place it had in the version it leaves, so
  // that earlier versions still show it as it was (the CTEs read the row as it was before).
  const placed = target
    ? sql`, placed AS (
        INSERT INTO "annotation_placements" ("annotationId", "versionId", "startBlock", "startIndex", "startOffset",
          "endBlock", "endIndex", "endOffset", "exact", "prefix", "suffix", "status")
        SELECT a."id", a."versionId", a."startBlock", a."startIndex", a."startOffset", a."endBlock", a."endIndex", a."endOffset",
          a."exact", a."prefix", a."suffix", a."status"
        FROM "annotations" a JOIN updated ON updated."id" = a."id"
        WHERE a."versionId" <> ${target.versionId}::uuid
        ON CONFLICT DO NOTHING)`
    : sql``;
  // A retry key is stored by the same statement as the edit (lib/server/idempotency.ts).
  const key = currentIdempotency();
  const keyed = key
    ? sql`, keyed AS (
        INSERT INTO "idempotency_keys" ("userId", "key", "method", "path", "result")
        SELECT ${key.userId}, ${key.key}, ${key.method}, ${key.path}, ${sql.json(JSON.parse(JSON.stringify(view)))} FROM updated)`
    : sql``;
  // The revision is the optimistic check; the columns the answer takes from the read and
  // that other writes change without a new revision must be as read, or it is read again.
  const written = await sql<{ id: string }[]>`
    WITH updated AS (
      UPDATE "annotations" SET ${set}${noteSet}${targetSet}
      WHERE "id" = ${existing.id}::uuid AND "authorId" = ${reader.id} AND "rev" = ${input.rev} AND "deletedAt" IS NULL
        AND "versionId" = ${existing.versionId}::uuid AND "status" = ${existing.status}::"AnchorStatus"
        AND ("hiddenAt" IS NULL) = ${existing.hiddenAt === null}
      RETURNING "id")${placed}${keyed},
    untagged AS (
      DELETE FROM "annotation_tags" WHERE "annotationId" IN (SELECT "id" FROM updated) AND "tagId" <> ALL(${tags.ids}::uuid[])),
    tagged AS (
      INSERT INTO "annotation_tags" ("annotationId", "tagId")
      SELECT updated."id", tag_id FROM updated, unnest(${tags.ids}::uuid[]) AS tag_id
      ON CONFLICT DO NOTHING)
    SELECT "id" FROM updated`;
  return { written: written.length === 1, view };
}
